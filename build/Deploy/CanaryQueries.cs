namespace Build.Deploy;

/// <summary>The tracks the sample backend labels its metrics with (its app/metrics.py, SOVD_TRACK).</summary>
public enum CanaryTrack
{
    Canary,
    Stable,
}

/// <summary>
/// The PromQL of one check, built from the backend's metrics (samples/sovd-webapp/backend/app/metrics.py):
/// <c>sovd_http_requests_total</c> by route, method, status class, client, commit and track, and the histogram
/// <c>sovd_http_request_duration_seconds</c>. Only API routes count: health probes and scrapes are not users. The
/// canary is its track and its commit; stable is its track, whatever commit it runs. Each query aggregates to one
/// number: <c>increase</c> over the window for counts, <c>histogram_quantile(0.95, …)</c> over the buckets' rates for
/// p95 (prometheus/prometheus docs/querying/functions.md, histogram_quantile, read 2026-12-07).
/// </summary>
public sealed record CanaryQueries(string Commit, string Selector)
{
    private const string Requests = "sovd_http_requests_total";
    private const string Buckets = "sovd_http_request_duration_seconds_bucket";

    public string RequestCount(CanaryTrack track, TimeSpan window) =>
        $"sum(increase({Requests}{{{Matchers(track)}}}[{Range(window)}]))";

    public string ErrorCount(CanaryTrack track, TimeSpan window) =>
        $"sum(increase({Requests}{{{Matchers(track)},status_class=\"5xx\"}}[{Range(window)}]))";

    public string P95Seconds(CanaryTrack track, TimeSpan window) =>
        $"histogram_quantile(0.95, sum by (le) (rate({Buckets}{{{Matchers(track)}}}[{Range(window)}])))";

    /// <summary>Whole seconds, rounded up: PromQL's range durations are integers with a unit.</summary>
    public static string Range(TimeSpan window) =>
        $"{Math.Max(1, (long)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture)}s";

    private string Matchers(CanaryTrack track)
    {
        var parts = new List<string> { $"track=\"{track.ToString().ToLowerInvariant()}\"" };
        if (track == CanaryTrack.Canary)
        {
            parts.Add($"commit=\"{Commit}\"");
        }
        parts.Add("route=~\"/api/.+\"");
        if (Selector.Length > 0)
        {
            parts.Add(Selector);
        }
        return string.Join(',', parts);
    }
}
