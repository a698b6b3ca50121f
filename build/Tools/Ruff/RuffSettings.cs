using Build.Tools.Python;
using Cake.Core.IO;

namespace Build.Tools.Ruff;

/// <summary><c>python -m ruff check</c>. Does not throw by default (a linter).</summary>
public sealed class RuffSettings : PythonModuleSettings
{
    public RuffSettings()
    {
        ThrowOnNonZeroExit = false;
    }

    /// <summary>Files or directories to check, relative to the working directory.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary><c>--output-format=&lt;format&gt;</c>; unset keeps ruff's default.</summary>
    public RuffOutputFormat? OutputFormat { get; init; }

    /// <summary><c>--config &lt;path&gt;</c> (ruff.toml or pyproject.toml).</summary>
    public FilePath? ConfigFile { get; init; }
}
