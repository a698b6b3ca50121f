namespace Build.Tools.Python;

/// <summary>
/// One known vulnerability of a pinned dependency. pip-audit reports no severity, only ids (the advisory's and its
/// aliases) and fixed versions.
/// </summary>
public sealed record PipAuditVulnerability(string Package, string Version, string Id, IReadOnlyList<string> FixVersions)
{
    /// <summary>The same advisory's other ids (a PYSEC or GHSA id's CVE, …).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public override string ToString() =>
        $"{Package}=={Version}: {Id} " +
            $"({(FixVersions.Count > 0 ? "fixed in " + string.Join(", ", FixVersions) : "no fixed version yet")})";
}

/// <summary>
/// What <c>pip-audit --format json -o file</c> wrote: the vulnerabilities and the dependencies it skipped.
/// </summary>
public sealed record PipAuditJsonReport(int Dependencies, IReadOnlyList<PipAuditVulnerability> Vulnerabilities,
    IReadOnlyList<string> Skipped)
{
    public static PipAuditJsonReport Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        // pip-audit 2.x wraps the list in {"dependencies": [...], "fixes": [...]}; 1.x wrote the bare list.
        var dependencies = root.ValueKind == JsonValueKind.Array ? root
            : root.TryGetProperty("dependencies", out var list) ? list
            : throw new InvalidDataException($"{path} has no \"dependencies\" list: is it pip-audit's JSON format?");
        var vulnerabilities = new List<PipAuditVulnerability>();
        var skipped = new List<string>();
        foreach (var dependency in dependencies.EnumerateArray())
        {
            var name = dependency.Text("name", "?")!;
            if (dependency.TryGetProperty("skip_reason", out var reason))
            {
                skipped.Add($"{name}: {reason.GetString()}");
            }
            if (dependency.TryGetProperty("vulns", out var vulns))
            {
                vulnerabilities.AddRange(vulns.EnumerateArray().Select(vuln => new PipAuditVulnerability(
                    name, dependency.Text("version", "?")!, vuln.Text("id", "?")!, Strings(vuln, "fix_versions"))
                {
                    Aliases = Strings(vuln, "aliases"),
                }));
            }
        }
        return new PipAuditJsonReport(dependencies.GetArrayLength(), vulnerabilities, skipped);
    }

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.Items(name).Select(item => item.GetString() ?? "?").ToList();
}
