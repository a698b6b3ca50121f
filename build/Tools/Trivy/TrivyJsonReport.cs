using System.Text.Json;

namespace Build.Tools.Trivy;

/// <summary>One vulnerability of <c>trivy image --format json</c>: where (target), which package, which advisory, and whether a fix exists.</summary>
public sealed record TrivyVulnerability(string Target, string Package, string InstalledVersion, string Id, string Severity, string FixedVersion, string Status, string Title)
{
    public override string ToString() =>
        $"{Id} in {Package} {InstalledVersion} ({Severity}, {(FixedVersion.Length > 0 ? "fixed in " + FixedVersion : "status " + (Status.Length > 0 ? Status : "no fix"))}): {Title}";
}

/// <summary>
/// What <c>trivy image --format json --output file</c> wrote (schema version 2): <c>Results[]</c>, each a target
/// (the OS packages, a language lock file…) with its <c>Vulnerabilities[]</c> (null when none).
/// </summary>
public sealed record TrivyJsonReport(string Artifact, IReadOnlyList<TrivyVulnerability> Vulnerabilities)
{
    public static TrivyJsonReport Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        if (!root.TryGetProperty("SchemaVersion", out _))
        {
            throw new InvalidDataException($"{path} has no SchemaVersion: is it trivy's JSON format (--format json)?");
        }
        var vulnerabilities = new List<TrivyVulnerability>();
        foreach (var result in Array(root, "Results"))
        {
            var target = Text(result, "Target");
            vulnerabilities.AddRange(Array(result, "Vulnerabilities").Select(vulnerability => new TrivyVulnerability(
                target, Text(vulnerability, "PkgName"), Text(vulnerability, "InstalledVersion"), Text(vulnerability, "VulnerabilityID"),
                Text(vulnerability, "Severity"), Text(vulnerability, "FixedVersion"), Text(vulnerability, "Status"), Text(vulnerability, "Title"))));
        }
        return new TrivyJsonReport(Text(root, "ArtifactName"), vulnerabilities);
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray().ToList() : [];

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
