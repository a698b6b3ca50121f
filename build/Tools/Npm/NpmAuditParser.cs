using System.Text.Json;

namespace Build.Tools.Npm;

/// <summary>
/// Reads <c>npm audit --json</c>. A registry that cannot audit still prints JSON, with an <c>error</c> object
/// (npm mirrors answer 405): that must count as a failure, not as "no vulnerabilities".
/// </summary>
public static class NpmAuditParser
{
    public static NpmAuditResult Parse(ToolResult result)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(result.Output);
        }
        catch (JsonException)
        {
            return new NpmAuditResult(result, NpmAuditOutcome.Failed, new Dictionary<string, int>(), $"npm audit printed no JSON report (exit code {result.ExitCode})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                return new NpmAuditResult(result, NpmAuditOutcome.AuditUnavailable, new Dictionary<string, int>(), $"npm audit could not run: {ErrorText(root, error)}");
            }
            var counts = Counts(root);
            return result.ExitCode == 0
                ? new NpmAuditResult(result, NpmAuditOutcome.Passed, counts, null)
                : new NpmAuditResult(result, NpmAuditOutcome.VulnerabilitiesFound, counts, $"npm audit found vulnerabilities: {Summary(counts)}");
        }
    }

    private static Dictionary<string, int> Counts(JsonElement root)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("vulnerabilities", out var vulnerabilities))
        {
            foreach (var entry in vulnerabilities.EnumerateObject().Where(entry => entry.Value.ValueKind == JsonValueKind.Number))
            {
                counts[entry.Name] = entry.Value.GetInt32();
            }
        }
        return counts;
    }

    private static string ErrorText(JsonElement root, JsonElement error)
    {
        string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                && value.GetString() is { Length: > 0 } text ? text : null;
        return Text(root, "message") ?? Text(error, "summary") ?? Text(error, "detail") ?? "the registry returned an error without details";
    }

    private static string Summary(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "no counts in the report" : string.Join(", ", counts.Where(pair => pair.Key != "total" && pair.Value > 0).Select(pair => $"{pair.Value} {pair.Key}"));
}
