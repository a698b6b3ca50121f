namespace Build.Tools.Trivy;

/// <summary>Values of <c>trivy --severity</c>.</summary>
public enum TrivySeverity
{
    [WireName("UNKNOWN")] Unknown,
    [WireName("LOW")] Low,
    [WireName("MEDIUM")] Medium,
    [WireName("HIGH")] High,
    [WireName("CRITICAL")] Critical,
}
