namespace Build.Tools.Trivy;

/// <summary>
/// <c>trivy image</c>. Without <c>--exit-code</c> findings exit 0: a non-zero exit is a failed scan. Does not throw:
/// read <see cref="TrivyScanResult.Outcome"/>.
/// </summary>
public sealed class TrivySettings : ToolRunnerSettings
{
    public static readonly ToolSpec<TrivySettings> Spec = new(
        "trivy",
        "install trivy (https://trivy.dev, aquasecurity/setup-trivy on GitHub); it also needs network access to " +
            "download its vulnerability database",
        ["trivy"]);

    public string Image { get; init; } = "";

    /// <summary><c>--severity A,B</c>; empty reports every severity.</summary>
    public IReadOnlyList<TrivySeverity> Severities { get; init; } = [];

    /// <summary><c>--format &lt;format&gt;</c>; unset: table.</summary>
    public TrivyFormat? Format { get; init; }

    public FilePath? OutputFile { get; init; }

    /// <summary><c>--ignore-unfixed</c>: skip vulnerabilities that have no fixed version yet.</summary>
    public bool IgnoreUnfixed { get; init; }

    /// <summary>
    /// <c>--skip-db-update</c>: use the cached database (the first run on a machine still needs a download).
    /// </summary>
    public bool SkipDbUpdate { get; init; }
}

public enum TrivySeverity
{
    [WireName("UNKNOWN")] Unknown,
    [WireName("LOW")] Low,
    [WireName("MEDIUM")] Medium,
    [WireName("HIGH")] High,
    [WireName("CRITICAL")] Critical,
}

public enum TrivyFormat
{
    Table,
    Json,
    /// <summary>For GitHub code scanning (upload-sarif).</summary>
    Sarif,
}
