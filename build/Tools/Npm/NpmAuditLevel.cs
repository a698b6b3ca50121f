namespace Build.Tools.Npm;

/// <summary>Values of <c>npm audit --audit-level</c>: the lowest severity that fails the audit.</summary>
public enum NpmAuditLevel
{
    [WireName("info")] Info,
    [WireName("low")] Low,
    [WireName("moderate")] Moderate,
    [WireName("high")] High,
    [WireName("critical")] Critical,
}
