using System.Text.Json.Serialization;

namespace Build.Deploy;

/// <summary>What one track's traffic looked like in a window: each number with the query that gave it.</summary>
public sealed record TrackNumbers(Measurement Requests, Measurement Errors, Measurement P95Seconds)
{
    public double RequestCount => Requests.Value ?? 0;

    /// <summary>5xx share in percent; null without requests.</summary>
    public double? ErrorPercent => RequestCount > 0 ? 100 * (Errors.Value ?? 0) / RequestCount : null;
}

/// <summary>A query and the number it gave (null: no series, or no data in the window).</summary>
public sealed record Measurement(string Query, double? Value);

/// <summary>One threshold of a check: its value, its limit, and pass, fail or skipped (with why).</summary>
public sealed record ThresholdResult(string Name, string Value, string Limit, string Outcome)
{
    public bool Failed => Outcome.StartsWith("fail", StringComparison.Ordinal);
}

[JsonConverter(typeof(JsonStringEnumConverter<CanaryVerdict>))]
public enum CanaryVerdict
{
    Pass,
    Fail,
    NoVerdict,
}

/// <summary>
/// The thresholds of <see cref="CanaryAnalysis"/> applied to one check's numbers, canary against stable.
/// </summary>
public static class CanaryJudge
{
    public static (CanaryVerdict Verdict, IReadOnlyList<ThresholdResult> Thresholds) Judge(
        CanaryAnalysis rules, TrackNumbers canary, TrackNumbers stable)
    {
        if (canary.RequestCount < rules.MinRequests)
        {
            return (CanaryVerdict.NoVerdict,
                [
                    new("canary requests", Number(canary.RequestCount), $">= {rules.MinRequests}",
                        "no verdict yet: too few requests"),
                ]);
        }
        // Stable is a baseline only with as many requests as the canary must have (at 100 % it gets none).
        var baseline = stable.RequestCount >= rules.MinRequests ? stable : null;
        var noBaseline =
            $"skipped: stable has {Number(stable.RequestCount)} requests (< {rules.MinRequests}), no baseline";
        var results = new List<ThresholdResult>
        {
            new("canary requests", Number(canary.RequestCount), $">= {rules.MinRequests}", "pass"),
            ErrorShare(rules, canary),
            baseline is null
                ? new("5xx share over stable", "-", $"<= {Number(rules.MaxErrorPointsOverStable)} points", noBaseline)
                : ErrorOverStable(rules, canary, baseline),
            P95(rules, canary),
            baseline is null ? new("p95 against stable", "-", "-", noBaseline) : P95OverStable(rules, canary, baseline),
        };
        return (results.Any(result => result.Failed) ? CanaryVerdict.Fail : CanaryVerdict.Pass, results);
    }

    private static ThresholdResult ErrorShare(CanaryAnalysis rules, TrackNumbers canary)
    {
        var share = canary.ErrorPercent ?? 0;
        return new("5xx share", Percent(share), $"<= {Percent(rules.MaxErrorPercent)}",
            Outcome(share <= rules.MaxErrorPercent));
    }

    private static ThresholdResult ErrorOverStable(CanaryAnalysis rules, TrackNumbers canary, TrackNumbers stable)
    {
        var excess = (canary.ErrorPercent ?? 0) - (stable.ErrorPercent ?? 0);
        return new("5xx share over stable", $"{Number(excess)} points (stable {Percent(stable.ErrorPercent ?? 0)})",
            $"<= {Number(rules.MaxErrorPointsOverStable)} points", Outcome(excess <= rules.MaxErrorPointsOverStable));
    }

    private static ThresholdResult P95(CanaryAnalysis rules, TrackNumbers canary)
    {
        var limit = $"<= {Millis(rules.MaxP95.TotalSeconds)}";
        return canary.P95Seconds.Value is { } p95
            ? new("p95 latency", Millis(p95), limit, Outcome(p95 <= rules.MaxP95.TotalSeconds))
            : new("p95 latency", "-", limit,
                "fail: the canary's requests have no latency histogram (are its metrics scraped?)");
    }

    private static ThresholdResult P95OverStable(CanaryAnalysis rules, TrackNumbers canary, TrackNumbers stable)
    {
        if (canary.P95Seconds.Value is not { } p95 || stable.P95Seconds.Value is not { } stableP95)
        {
            return new("p95 against stable", "-", "-", "skipped: no p95 for one of the tracks");
        }
        var limit = Math.Max(stableP95 * rules.MaxP95Ratio, stableP95 + rules.P95Slack.TotalSeconds);
        return new("p95 against stable", $"{Millis(p95)} (stable {Millis(stableP95)})",
            $"<= {Millis(limit)} (x{Number(rules.MaxP95Ratio)} or +{Millis(rules.P95Slack.TotalSeconds)})",
            Outcome(p95 <= limit));
    }

    private static string Outcome(bool passed) => passed ? "pass" : "fail";

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(double value) => $"{Number(value)} %";

    private static string Millis(double seconds) =>
        $"{(seconds * 1000).ToString("0", CultureInfo.InvariantCulture)} ms";
}
