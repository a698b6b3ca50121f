using System.Globalization;

namespace Pipeline.Definition.Stages;

/// <summary>
/// How a canary step is judged by its real traffic (README "Canary analysis"): after the step's route change and smoke
/// tests the canary bakes while the deploy asks Prometheus, every <see cref="Interval"/>, for the canary's and stable's
/// 5xx share and p95 latency over the same window (from the bake's start to the check). A check with fewer than
/// <see cref="MinRequests"/> canary requests gives no verdict; a failed check rolls back at once; the step passes at
/// the first check after <see cref="Bake"/> that passes, and fails when <see cref="StepLimit"/> comes without a
/// verdict.
/// </summary>
public sealed record CanaryAnalysis
{
    /// <summary>Queries in one check: requests, 5xx and p95, for the canary and for stable.</summary>
    public const int QueriesPerCheck = 6;

    /// <summary>The shortest time a step bakes before it may pass.</summary>
    public required TimeSpan Bake { get; init; }

    /// <summary>The longest a step waits for <see cref="MinRequests"/>; then it fails ("no verdict").</summary>
    public required TimeSpan StepLimit { get; init; }

    /// <summary>Time between the starts of two checks.</summary>
    public required TimeSpan Interval { get; init; }

    /// <summary>The limit of one HTTP query to Prometheus (also sent as its <c>timeout</c> parameter).</summary>
    public required TimeSpan QueryTimeout { get; init; }

    /// <summary>Canary requests the window must hold before any threshold is judged.</summary>
    public required int MinRequests { get; init; }

    /// <summary>Highest 5xx share of the canary's requests, in percent.</summary>
    public required double MaxErrorPercent { get; init; }

    /// <summary>Highest excess of the canary's 5xx share over stable's, in percentage points.</summary>
    public required double MaxErrorPointsOverStable { get; init; }

    /// <summary>Highest p95 latency of the canary.</summary>
    public required TimeSpan MaxP95 { get; init; }

    /// <summary>Highest canary p95 as a multiple of stable's …</summary>
    public required double MaxP95Ratio { get; init; }

    /// <summary>… unless it is within this much of stable's (a ratio of two fast answers means little).</summary>
    public required TimeSpan P95Slack { get; init; }

    /// <summary>
    /// The longest one step can take: a check starts at the limit at the latest, and its queries are bounded.
    /// </summary>
    public TimeSpan WorstCase => StepLimit + QueryTimeout * QueriesPerCheck;

    /// <summary>
    /// How long a step takes when the canary passes: checks start every interval, so the first that may pass starts at
    /// the bake rounded up to a whole interval (its queries answer in milliseconds).
    /// </summary>
    public TimeSpan PassingStep => Interval > TimeSpan.Zero ? Interval * Math.Ceiling(Bake / Interval) : Bake;

    /// <summary>
    /// What is wrong with these settings, as sentences naming the setting; empty when they make sense.
    /// </summary>
    public IEnumerable<string> Problems()
    {
        if (Interval <= TimeSpan.Zero || Interval > Bake)
        {
            yield return
                $"CanaryAnalysis.Interval {Seconds(Interval)} must be positive and at most the Bake {Seconds(Bake)}.";
        }
        if (Bake > StepLimit)
        {
            yield return $"CanaryAnalysis.Bake {Seconds(Bake)} is longer than its StepLimit {Seconds(StepLimit)}: " +
                         "a step could never pass.";
        }
        if (QueryTimeout < TimeSpan.FromSeconds(1))
        {
            yield return $"CanaryAnalysis.QueryTimeout {Seconds(QueryTimeout)} must be at least 1 s " +
                         "(Prometheus' timeout parameter is in seconds here).";
        }
        if (MinRequests < 1)
        {
            yield return $"CanaryAnalysis.MinRequests {MinRequests} must be at least 1: a verdict needs requests.";
        }
        if (MaxErrorPercent is < 0 or > 100 || MaxErrorPointsOverStable is < 0 or > 100)
        {
            yield return
                "CanaryAnalysis.MaxErrorPercent and MaxErrorPointsOverStable are percentages: between 0 and 100.";
        }
        if (MaxP95 <= TimeSpan.Zero || MaxP95Ratio < 1 || P95Slack < TimeSpan.Zero)
        {
            yield return "CanaryAnalysis.MaxP95 must be positive, MaxP95Ratio at least 1 and P95Slack not negative.";
        }
    }

    private static string Seconds(TimeSpan time) =>
        $"{time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
}
