namespace Build.Tools.Npm;

/// <summary>An <c>npm audit --json</c> run: exit code, the JSON, the counts by severity, and what it means.</summary>
public sealed record NpmAuditResult(ToolResult Result, NpmAuditOutcome Outcome, IReadOnlyDictionary<string,
    int> Vulnerabilities, string? Message)
{
    public string Json => Result.Output;

    public bool Passed => Outcome == NpmAuditOutcome.Passed;
}

public enum NpmAuditOutcome
{
    /// <summary>The audit ran and found nothing at or above the level.</summary>
    Passed,
    VulnerabilitiesFound,

    /// <summary>
    /// The registry did not answer the audit (e.g. a mirror's 405): nothing was checked, so this is never a pass.
    /// </summary>
    AuditUnavailable,

    Failed,
}

/// <summary>
/// One advisory of an <c>npm audit --json</c> report: an object in a package's <c>via</c> list. Entries of <c>via</c>
/// that are plain strings name another vulnerable package (the advisory is reported there), so they are not advisories.
/// </summary>
public sealed record NpmAuditAdvisory(string Package, string Id, NpmAuditLevel Severity, string Title, string Range)
{
    /// <summary>Every advisory at or above <paramref name="level"/>, once each, ordered by package and id.</summary>
    public static IReadOnlyList<NpmAuditAdvisory> AtOrAbove(string json, NpmAuditLevel level)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Entries("vulnerabilities")
            .SelectMany(entry => entry.Value.Items("via"))
            .Where(via => via.ValueKind == JsonValueKind.Object)
            .Select(Read)
            .Where(advisory => advisory.Severity >= level)
            .DistinctBy(advisory => (advisory.Package, advisory.Id))
            .OrderBy(advisory => advisory.Package, StringComparer.Ordinal).ThenBy(advisory => advisory.Id,
                StringComparer.Ordinal)
            .ToList();
    }

    private static NpmAuditAdvisory Read(JsonElement via)
    {
        var url = via.Text("url")!.TrimEnd('/');
        // The advisory's id is the last segment of its URL (https://github.com/advisories/GHSA-…); "source" is npm's
        // own number.
        var id = url.Length > 0 ? url[(url.LastIndexOf('/') + 1)..]
            : via.TryGetProperty("source", out var source) ? source.ToString() : "?";
        return new NpmAuditAdvisory(via.Text("name")!, id, Level(via.Text("severity")), via.Text("title")!,
            via.Text("range")!);
    }

    internal static NpmAuditLevel Level(string? wire) => WireNames.TryParse<NpmAuditLevel>(wire, out var level) ? level
        : NpmAuditLevel.Info;
}

/// <summary>The vulnerable packages of an <c>npm audit --json</c> report, with their severity.</summary>
public static class NpmAuditPackages
{
    /// <summary>
    /// "name (severity)" for every vulnerable package at or above <paramref name="level"/>, most severe first.
    /// </summary>
    public static IReadOnlyList<string> AtOrAbove(string json, NpmAuditLevel level)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Entries("vulnerabilities")
            .Select(entry => (entry.Name, Level: NpmAuditAdvisory.Level(entry.Value.Text("severity"))))
            .Where(entry => entry.Level >= level)
            .OrderByDescending(entry => entry.Level).ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .Select(entry => $"{entry.Name} ({entry.Level.ToWire()})")
            .ToList();
    }
}
