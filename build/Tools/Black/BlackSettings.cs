using Build.Tools.Python;

namespace Build.Tools.Black;

/// <summary><c>python -m black</c>. Checks (never rewrites) by default and does not throw, so a lint stage can run every linter.</summary>
public sealed class BlackSettings : PythonModuleSettings
{
    public BlackSettings()
    {
        ThrowOnNonZeroExit = false;
    }

    /// <summary>Files or directories to check, relative to the working directory.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary><c>--check</c>: report instead of rewriting files. Turn off only for a local "format" target.</summary>
    public bool Check { get; init; } = true;

    /// <summary><c>--diff</c>: print the change black would make.</summary>
    public bool Diff { get; init; } = true;
}
