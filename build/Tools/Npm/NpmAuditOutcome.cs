namespace Build.Tools.Npm;

/// <summary>What an <c>npm audit</c> run means for the stage.</summary>
public enum NpmAuditOutcome
{
    /// <summary>The audit ran and found nothing at or above the level.</summary>
    Passed,

    VulnerabilitiesFound,

    /// <summary>The registry did not answer the audit (e.g. a mirror's 405): nothing was checked, so this is never a pass.</summary>
    AuditUnavailable,

    /// <summary>npm failed without a usable JSON report.</summary>
    Failed,
}
