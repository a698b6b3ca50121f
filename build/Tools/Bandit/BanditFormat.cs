namespace Build.Tools.Bandit;

/// <summary>Values of <c>bandit -f</c>.</summary>
public enum BanditFormat
{
    /// <summary>Coloured human-readable report for the build log.</summary>
    [WireName("screen")] Screen,
    [WireName("txt")] Text,
    [WireName("json")] Json,
    [WireName("csv")] Csv,
    [WireName("xml")] Xml,
    [WireName("html")] Html,
    [WireName("yaml")] Yaml,
}
