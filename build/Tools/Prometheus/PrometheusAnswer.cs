using Build.Tools.Reports;

namespace Build.Tools.Prometheus;

/// <summary>Reads one answer of <c>/api/v1/query</c> (its shape: <see cref="PrometheusClient"/>).</summary>
public static class PrometheusAnswer
{
    public static double? Number(string promql, HttpStatusCode status, string body)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            var start = body.Length > 200 ? body[..200] + "…" : body;
            throw new PrometheusException(
                $"Prometheus answered HTTP {(int)status} with something that is not its JSON API ({start}): " +
                "is the URL Prometheus' (or its /api/v1 proxy's)?");
        }
        if (root.Text("status") != "success")
        {
            var reason = root.Text("error", null) ?? "no error text";
            var hint = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? " Check the token (PROMETHEUS_TOKEN)."
                : "";
            throw new PrometheusException(
                $"Prometheus refused `{promql}` (HTTP {(int)status}, {root.Text("errorType", "?")}): {reason}.{hint}");
        }
        var data = root.GetProperty("data");
        return data.Text("resultType") switch
        {
            "scalar" => Parse(data.GetProperty("result"), promql),
            "vector" => FromVector(data.Items("result"), promql),
            var other => throw new PrometheusException(
                $"`{promql}` gave a {other} result, not a number: the analysis queries must return one value."),
        };
    }

    private static double? FromVector(IReadOnlyList<JsonElement> series, string promql) => series.Count switch
    {
        0 => null,
        1 => Parse(series[0].GetProperty("value"), promql),
        _ => throw new PrometheusException(
            $"`{promql}` gave {series.Count} series, not one: " +
            "the query must aggregate them (sum, histogram_quantile by le)."),
    };

    /// <summary>
    /// A sample is <c>[unix time, "number"]</c>; "NaN" (e.g. a quantile without observations) means no value.
    /// </summary>
    private static double? Parse(JsonElement sample, string promql)
    {
        var text = sample.ValueKind == JsonValueKind.Array && sample.GetArrayLength() == 2
            ? sample[1].GetString()
            : null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new PrometheusException($"`{promql}` gave the sample {sample.GetRawText()}, not [time, \"number\"].");
        }
        return double.IsNaN(value) ? null : value;
    }
}
