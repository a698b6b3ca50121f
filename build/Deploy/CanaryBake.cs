using Build.Tools.Prometheus;

namespace Build.Deploy;

/// <summary>
/// One check of a step: when, over which window, both tracks' numbers, and the verdict with its thresholds.
/// </summary>
public sealed record CanaryCheck(
    double ElapsedSeconds, string Window, DateTimeOffset At, TrackNumbers Canary, TrackNumbers Stable,
    CanaryVerdict Verdict,
    IReadOnlyList<ThresholdResult> Thresholds);

/// <summary>What a step's analysis did: every check, and why it passed or failed.</summary>
public sealed record StepAnalysis(
    int Weight, string Prometheus, double BakeSeconds, double LimitSeconds, IReadOnlyList<CanaryCheck> Checks,
    string Outcome)
{
    public bool Passed => Outcome.StartsWith("passed", StringComparison.Ordinal);
}

/// <summary>
/// Bakes one canary step (the rules: <see cref="CanaryAnalysis"/>): checks start every interval from the step's
/// start, each over the window from the start to the check, canary and stable at the same instant; the step ends at
/// the first failed check, at the first passing check from the bake on, or at the limit without a verdict.
/// </summary>
public sealed class CanaryBake(
    CanaryAnalysis rules, PrometheusClient prometheus, CanaryQueries queries, Action<string> log,
    TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public StepAnalysis Run(int weight)
    {
        var started = _clock.GetUtcNow();
        var checks = new List<CanaryCheck>();
        for (var n = 1; ; n++)
        {
            var due = TimeSpan.FromTicks(Math.Min((rules.Interval * n).Ticks, rules.StepLimit.Ticks));
            var wait = started + due - _clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }
            var check = Check(started);
            checks.Add(check);
            log($"canary {weight} %: check {n} over {check.Window}: {Describe(check)}");
            var elapsed = TimeSpan.FromSeconds(check.ElapsedSeconds);
            var outcome = check.Verdict switch
            {
                CanaryVerdict.Fail => $"failed: {string.Join("; ", FailedThresholds(check))}",
                CanaryVerdict.Pass when elapsed >= rules.Bake => $"passed after {Seconds(elapsed)} of baking",
                CanaryVerdict.NoVerdict when elapsed >= rules.StepLimit =>
                    $"failed: no verdict within the step limit of {Seconds(rules.StepLimit)}: the canary had " +
                    $"{check.Canary.RequestCount:0} API requests, fewer than the {rules.MinRequests} a verdict needs",
                _ => null,
            };
            if (outcome is not null)
            {
                var url = prometheus.BaseUrl.ToString();
                return new StepAnalysis(
                    weight, url, rules.Bake.TotalSeconds, rules.StepLimit.TotalSeconds, checks, outcome);
            }
        }
    }

    private CanaryCheck Check(DateTimeOffset started)
    {
        var at = _clock.GetUtcNow();
        var window = at - started;
        var canary = Numbers(CanaryTrack.Canary, window, at);
        var stable = Numbers(CanaryTrack.Stable, window, at);
        var (verdict, thresholds) = CanaryJudge.Judge(rules, canary, stable);
        return new CanaryCheck(
            Math.Round(window.TotalSeconds, 1), CanaryQueries.Range(window), at, canary, stable, verdict, thresholds);
    }

    private TrackNumbers Numbers(CanaryTrack track, TimeSpan window, DateTimeOffset at)
    {
        Measurement Ask(string query) => new(query, prometheus.QueryNumber(query, at));
        return new TrackNumbers(
            Ask(queries.RequestCount(track, window)), Ask(queries.ErrorCount(track, window)),
            Ask(queries.P95Seconds(track, window)));
    }

    private static string Describe(CanaryCheck check)
    {
        static string Track(TrackNumbers numbers) =>
            $"{numbers.RequestCount:0} requests, " +
            $"5xx {numbers.ErrorPercent?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-"} %, " +
            $"p95 {(numbers.P95Seconds.Value is { } p95 ? $"{p95 * 1000:0} ms" : "-")}";
        var verdict = check.Verdict switch
        {
            CanaryVerdict.Pass => "pass",
            CanaryVerdict.Fail => "FAIL",
            _ => "no verdict yet",
        };
        return $"canary {Track(check.Canary)}; stable {Track(check.Stable)} -> {verdict}";
    }

    private static IEnumerable<string> FailedThresholds(CanaryCheck check) =>
        check.Thresholds.Where(t => t.Failed).Select(t => $"{t.Name} {t.Value}, limit {t.Limit}");

    private static string Seconds(TimeSpan time) =>
        $"{time.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s";
}
