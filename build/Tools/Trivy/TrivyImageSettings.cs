using Cake.Core.IO;

namespace Build.Tools.Trivy;

/// <summary><c>trivy image</c>.</summary>
public sealed class TrivyImageSettings : TrivySettings
{
    /// <summary>Image reference to scan. Required.</summary>
    public string Image { get; init; } = "";

    /// <summary><c>--severity A,B</c>; empty reports every severity.</summary>
    public IReadOnlyList<TrivySeverity> Severities { get; init; } = [];

    /// <summary><c>--exit-code &lt;n&gt;</c>: the exit code trivy uses when it finds vulnerabilities; unset, findings exit 0.</summary>
    public int? VulnerabilityExitCode { get; init; }

    /// <summary><c>--format &lt;format&gt;</c>; unset: table.</summary>
    public TrivyFormat? Format { get; init; }

    /// <summary><c>--output &lt;file&gt;</c>; unset prints the report.</summary>
    public FilePath? OutputFile { get; init; }

    /// <summary><c>--ignore-unfixed</c>: skip vulnerabilities that have no fixed version yet.</summary>
    public bool IgnoreUnfixed { get; init; }

    /// <summary><c>--skip-db-update</c>: use the cached database (the first run on a machine still needs a download).</summary>
    public bool SkipDbUpdate { get; init; }

    /// <summary><c>--timeout &lt;duration&gt;</c>.</summary>
    public TimeSpan? Timeout { get; init; }
}
