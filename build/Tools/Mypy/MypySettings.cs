using Build.Tools.Python;
using Cake.Core.IO;

namespace Build.Tools.Mypy;

/// <summary><c>python -m mypy</c>. Does not throw by default (a linter).</summary>
public sealed class MypySettings : PythonModuleSettings
{
    public MypySettings()
    {
        ThrowOnNonZeroExit = false;
    }

    /// <summary>Files, directories or packages to check, relative to the working directory.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary><c>--config-file &lt;path&gt;</c> (mypy.ini, setup.cfg or pyproject.toml).</summary>
    public FilePath? ConfigFile { get; init; }

    /// <summary><c>--strict</c>.</summary>
    public bool Strict { get; init; }

    /// <summary><c>--cache-dir &lt;dir&gt;</c>: keep mypy's cache out of the source tree.</summary>
    public DirectoryPath? CacheDirectory { get; init; }
}
