using Build.Tools.Python;
using Cake.Core.IO;

namespace Build.Tools.Bandit;

/// <summary>
/// <c>python -m bandit</c>. Does not throw by default (exit 1 = issues found). Bandit writes one format per run:
/// run it twice for a JSON file and a screen report.
/// </summary>
public sealed class BanditSettings : PythonModuleSettings
{
    public BanditSettings()
    {
        ThrowOnNonZeroExit = false;
    }

    /// <summary>Files or directories to scan, relative to the working directory.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary><c>-r</c>: descend into directories.</summary>
    public bool Recursive { get; init; } = true;

    /// <summary>Minimum severity reported, rendered <c>-l</c>/<c>-ll</c>/<c>-lll</c> (understood by bandit 1.6 and later, unlike <c>--severity-level</c>).</summary>
    public BanditLevel? SeverityLevel { get; init; }

    /// <summary>Minimum confidence reported, rendered <c>-i</c>/<c>-ii</c>/<c>-iii</c>.</summary>
    public BanditLevel? ConfidenceLevel { get; init; }

    /// <summary><c>-f &lt;format&gt;</c>; unset keeps bandit's default (screen).</summary>
    public BanditFormat? Format { get; init; }

    /// <summary><c>-o &lt;file&gt;</c>.</summary>
    public FilePath? OutputFile { get; init; }

    /// <summary><c>-c &lt;file&gt;</c> (YAML config).</summary>
    public FilePath? ConfigFile { get; init; }

    /// <summary><c>-x a,b</c>: paths bandit skips.</summary>
    public IReadOnlyList<string> ExcludedPaths { get; init; } = [];

    /// <summary><c>-q</c>: only the report, no progress lines.</summary>
    public bool Quiet { get; init; }
}
