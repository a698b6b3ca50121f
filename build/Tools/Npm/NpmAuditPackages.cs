using System.Text.Json;

namespace Build.Tools.Npm;

/// <summary>The vulnerable packages of an <c>npm audit --json</c> report (npm 7+ format), with their severity.</summary>
public static class NpmAuditPackages
{
    /// <summary>"name (severity)" for every package at or above <paramref name="level"/>, most severe first.</summary>
    public static IReadOnlyList<string> AtOrAbove(string json, NpmAuditLevel level)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("vulnerabilities", out var vulnerabilities) || vulnerabilities.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        return vulnerabilities.EnumerateObject()
            .Select(entry => (entry.Name, Level: Severity(entry.Value)))
            .Where(entry => entry.Level >= level)
            .OrderByDescending(entry => entry.Level).ThenBy(entry => entry.Name, StringComparer.Ordinal)
            .Select(entry => $"{entry.Name} ({entry.Level.ToWire()})")
            .ToList();
    }

    private static NpmAuditLevel Severity(JsonElement package) =>
        package.TryGetProperty("severity", out var severity) && WireNames.TryParse<NpmAuditLevel>(severity.GetString(), out var level)
            ? level
            : NpmAuditLevel.Info;
}
