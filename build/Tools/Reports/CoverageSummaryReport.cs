namespace Build.Tools.Reports;

/// <summary>
/// The totals of istanbul's <c>json-summary</c> coverage report (vitest's coverage-summary.json), in percent.
/// </summary>
public sealed record CoverageSummaryReport(decimal Lines, decimal Statements, decimal Functions, decimal Branches)
{
    /// <summary>Each metric with its name, in the order vitest checks thresholds.</summary>
    public IReadOnlyList<(string Metric, decimal Percent)> Metrics =>
        [("lines", Lines), ("functions", Functions), ("statements", Statements), ("branches", Branches)];

    public static CoverageSummaryReport Read(string path)
    {
        var total = JsonNode.Parse(File.ReadAllText(path))?["total"]
            ?? throw new InvalidDataException($"{path} has no \"total\" entry: is it istanbul's json-summary report?");
        return new CoverageSummaryReport(Percent(total, "lines"), Percent(total, "statements"),
            Percent(total, "functions"), Percent(total, "branches"));
    }

    // istanbul writes "Unknown" when there is nothing to measure; nothing to measure is nothing missed.
    private static decimal Percent(JsonNode total, string metric) =>
        total[metric]?["pct"] is JsonValue pct && pct.GetValueKind() == JsonValueKind.Number ? pct.GetValue<decimal>()
            : 100m;
}
