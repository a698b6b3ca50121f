namespace Build.Tools.PipAudit;

/// <summary>Values of <c>pip-audit --format</c>.</summary>
public enum PipAuditFormat
{
    [WireName("columns")] Columns,
    [WireName("json")] Json,
    [WireName("markdown")] Markdown,
    [WireName("cyclonedx-json")] CycloneDxJson,
    [WireName("cyclonedx-xml")] CycloneDxXml,
}
