using Cake.Core.IO;

namespace Build.Tools.Python;

/// <summary>Settings of a tool run as <c>&lt;python&gt; -m &lt;module&gt;</c>.</summary>
public abstract class PythonModuleSettings : PipelineToolSettings
{
    /// <summary>
    /// The interpreter that has the module installed (on GitHub the job's python; on a Debian machine <c>/usr/bin/python3</c>).
    /// Unset: the first <c>python3</c>/<c>python</c> on PATH. Same value as <see cref="Cake.Core.Tooling.ToolSettings.ToolPath"/>.
    /// </summary>
    public FilePath? PythonPath
    {
        get => ToolPath;
        init => ToolPath = value;
    }
}
