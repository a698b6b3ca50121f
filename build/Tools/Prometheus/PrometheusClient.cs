using System.Net.Http.Headers;

namespace Build.Tools.Prometheus;

/// <summary>
/// Instant queries against Prometheus' HTTP API: <c>GET /api/v1/query?query=…&amp;time=…&amp;timeout=…</c>. Every
/// answer is <c>{"status":"success"|"error","data":…,"errorType":…,"error":…}</c>; a success's data holds a
/// <c>resultType</c> (here: <c>vector</c> or <c>scalar</c>) and a <c>result</c> — for a vector one
/// <c>{"metric":{…},"value":[unix time,"number"]}</c> per series, numbers as strings ("NaN" included); errors come as
/// 400 (bad parameters), 422 (the expression cannot run) or 503 (timed out), and other codes from whatever stands
/// before the API (prometheus/prometheus docs/querying/api.md, "Format overview", "Instant queries" and "Expression
/// query result formats", read 2026-12-07). The token, when there is one, goes in an Authorization header only.
/// </summary>
public sealed class PrometheusClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    public PrometheusClient(Uri baseUrl, string? bearerToken, TimeSpan timeout)
    {
        BaseUrl = baseUrl;
        _timeout = timeout;
        // The HTTP limit is a little longer than the one Prometheus is asked to keep, so its own 503 arrives first.
        _http = new HttpClient
        {
            BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/"),
            Timeout = timeout + TimeSpan.FromSeconds(2),
        };
        if (!string.IsNullOrEmpty(bearerToken))
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    public Uri BaseUrl { get; }

    /// <summary>
    /// The single number <paramref name="promql"/> evaluates to at <paramref name="at"/>: null when it selects no
    /// series or yields NaN (no data in the window). Throws <see cref="PrometheusException"/> for an error answer,
    /// an unreachable server, or more than one series (the query must aggregate).
    /// </summary>
    public double? QueryNumber(string promql, DateTimeOffset at)
    {
        var time = (at.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        var seconds = Math.Ceiling(_timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var path = $"api/v1/query?query={Uri.EscapeDataString(promql)}&time={time}&timeout={seconds}s";
        string body;
        HttpStatusCode status;
        try
        {
            using var response = _http.GetAsync(path).GetAwaiter().GetResult();
            status = response.StatusCode;
            body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            throw new PrometheusException(
                $"Prometheus at {BaseUrl} did not answer within {seconds} s ({error.Message}): " +
                "check the URL and that it is reachable from here.", error);
        }
        return PrometheusAnswer.Number(promql, status, body);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Prometheus could not be asked, or refused the query; the message says which and what it answered.</summary>
public sealed class PrometheusException(string message, Exception? inner = null) : Exception(message, inner);
