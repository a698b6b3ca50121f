using Build.Tools.Python;
using Cake.Core.IO;

namespace Build.Tools.Bandit;

/// <summary><c>python -m bandit -r</c>. Bandit writes one format per run: run it twice for a JSON file and a screen report.</summary>
public sealed class BanditSettings : PythonModuleSettings
{
    /// <summary><c>-f &lt;format&gt;</c>; unset keeps bandit's default (screen).</summary>
    public BanditFormat? Format { get; init; }

    /// <summary><c>-o &lt;file&gt;</c>.</summary>
    public FilePath? OutputFile { get; init; }

    /// <summary><c>-q</c>: only the report, no progress lines.</summary>
    public bool Quiet { get; init; }
}

public enum BanditFormat
{
    /// <summary>Coloured human-readable report for the build log.</summary>
    [WireName("screen")] Screen,
    [WireName("json")] Json,
}

/// <summary>A bandit severity: <see cref="BanditJsonReport.WithSeverity"/> picks the issues of one level.</summary>
public enum BanditLevel
{
    Low = 1,
    Medium = 2,
    High = 3,
}
