namespace Build.Tools.Trivy;

/// <summary>What a trivy run means for the stage.</summary>
public enum TrivyOutcome
{
    /// <summary>The scan completed and found nothing at the requested severities.</summary>
    Passed,

    /// <summary>The scan completed and found vulnerabilities (exit code = <see cref="TrivyImageSettings.VulnerabilityExitCode"/>).</summary>
    VulnerabilitiesFound,

    /// <summary>trivy could not get its vulnerability database: nothing was checked, so this is never a pass.</summary>
    DatabaseUnreachable,

    /// <summary>trivy failed for another reason (image not found, bad flag…).</summary>
    Failed,
}
