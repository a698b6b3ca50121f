namespace Build.Deploy;

/// <summary>
/// The canary analysis on the job's summary page: per step its outcome and its last check's thresholds.
/// </summary>
public static class CanaryAnalysisSummary
{
    public static IEnumerable<string> Lines(IReadOnlyList<StepAnalysis> analyses)
    {
        foreach (var step in analyses)
        {
            var last = step.Checks[^1];
            yield return "";
            yield return $"#### Canary analysis at {step.Weight} %: {step.Outcome}";
            yield return "";
            yield return $"{step.Checks.Count} checks against {step.Prometheus}; the last over {last.Window}:";
            yield return "";
            yield return "| threshold | value | limit | outcome |";
            yield return "| --- | --- | --- | --- |";
            foreach (var threshold in last.Thresholds)
            {
                yield return $"| {threshold.Name} | {threshold.Value} | {threshold.Limit} | {threshold.Outcome} |";
            }
            yield return "";
            yield return "```text";
            foreach (var (track, numbers) in new[] { ("canary", last.Canary), ("stable", last.Stable) })
            {
                foreach (var measurement in new[] { numbers.Requests, numbers.Errors, numbers.P95Seconds })
                {
                    var value = measurement.Value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "no data";
                    yield return $"{track}: {measurement.Query} = {value}";
                }
            }
            yield return "```";
        }
    }
}
