using Cake.Core.IO;

namespace Build.Tools.Python;

/// <summary>Settings of a tool run as <c>&lt;python&gt; -m &lt;module&gt;</c>. Linters and scanners: they do not throw by default.</summary>
public abstract class PythonModuleSettings : CheckedToolSettings
{
    protected PythonModuleSettings()
    {
        ThrowOnNonZeroExit = false;
    }

    /// <summary>
    /// The interpreter that has the module installed (on GitHub the job's python; on a Debian machine <c>/usr/bin/python3</c>).
    /// Unset: the first <c>python3</c>/<c>python</c> on PATH. Same value as <see cref="Cake.Core.Tooling.ToolSettings.ToolPath"/>.
    /// </summary>
    public FilePath? PythonPath
    {
        get => ToolPath;
        init => ToolPath = value;
    }

    /// <summary>Files, directories or packages the tool works on, relative to the working directory.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];
}
