using System.Text.Json;

namespace Build.Tools.Npm;

/// <summary>
/// One advisory of an <c>npm audit --json</c> report (npm 7+): an object in a package's <c>via</c> list. Entries of
/// <c>via</c> that are plain strings name another vulnerable package (the advisory is reported there), so they are not advisories.
/// </summary>
public sealed record NpmAuditAdvisory(string Package, string Id, NpmAuditLevel Severity, string Title, string Range)
{
    /// <summary>Every advisory at or above <paramref name="level"/>, once each, ordered by package and id.</summary>
    public static IReadOnlyList<NpmAuditAdvisory> AtOrAbove(string json, NpmAuditLevel level)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("vulnerabilities", out var vulnerabilities) || vulnerabilities.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        return vulnerabilities.EnumerateObject()
            .SelectMany(entry => entry.Value.TryGetProperty("via", out var via) && via.ValueKind == JsonValueKind.Array ? via.EnumerateArray().ToList() : [])
            .Where(via => via.ValueKind == JsonValueKind.Object)
            .Select(Read)
            .Where(advisory => advisory.Severity >= level)
            .DistinctBy(advisory => (advisory.Package, advisory.Id))
            .OrderBy(advisory => advisory.Package, StringComparer.Ordinal).ThenBy(advisory => advisory.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static NpmAuditAdvisory Read(JsonElement via)
    {
        var url = Text(via, "url");
        // The advisory's id is the last segment of its URL (https://github.com/advisories/GHSA-…); "source" is npm's own number.
        var id = url.Length > 0 ? url.TrimEnd('/')[(url.TrimEnd('/').LastIndexOf('/') + 1)..]
            : via.TryGetProperty("source", out var source) ? source.ToString() : "?";
        var severity = WireNames.TryParse<NpmAuditLevel>(Text(via, "severity"), out var level) ? level : NpmAuditLevel.Info;
        return new NpmAuditAdvisory(Text(via, "name"), id, severity, Text(via, "title"), Text(via, "range"));
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
