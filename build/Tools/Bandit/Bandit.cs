namespace Build.Tools.Bandit;

/// <summary><c>python -m bandit -r</c>. Bandit writes one format per run: run it twice for a JSON file and a screen report.</summary>
public sealed class BanditSettings : PythonModuleSettings
{
    public static readonly ToolSpec<BanditSettings> Spec = SpecFor<BanditSettings>(
        "bandit",
        "needs a Python with bandit: apt-get install -y bandit (or pip install bandit); set PythonPath to that interpreter");

    /// <summary><c>-f &lt;format&gt;</c>; unset keeps bandit's default (screen).</summary>
    public BanditFormat? Format { get; init; }

    public FilePath? OutputFile { get; init; }

    /// <summary><c>-q</c>: only the report, no progress lines.</summary>
    public bool Quiet { get; init; }

    public override string Module => "bandit";

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment) => arguments
        .AppendValue("-r")
        .AppendValues(Require.Paths(Paths, "BanditSettings.Paths", "the directories to scan (e.g. [\"app\"])"))
        .AppendOptionIfSet("-f", Format?.ToWire())
        .AppendPathOption("-o", OutputFile, environment)
        .AppendFlag("-q", Quiet);
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
