namespace Build.Tools.Trivy;

/// <summary>Values of <c>trivy --format</c>.</summary>
public enum TrivyFormat
{
    [WireName("table")] Table,
    [WireName("json")] Json,
    /// <summary>For GitHub code scanning (upload-sarif).</summary>
    [WireName("sarif")] Sarif,
    [WireName("cyclonedx")] CycloneDx,
    [WireName("spdx-json")] SpdxJson,
}
