namespace Build.Tools.Trivy;

/// <summary>
/// One vulnerability of <c>trivy image --format json</c>: where (target), which package, which advisory, and whether a
/// fix exists.
/// </summary>
public sealed record TrivyVulnerability(string Target, string Package, string InstalledVersion, string Id,
    string Severity, string FixedVersion, string Status, string Title)
{
    public override string ToString()
    {
        var fix = FixedVersion.Length > 0
            ? "fixed in " + FixedVersion
            : "status " + (Status.Length > 0 ? Status : "no fix");
        return $"{Id} in {Package} {InstalledVersion} ({Severity}, {fix}): {Title}";
    }
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
        foreach (var result in root.Items("Results"))
        {
            var target = result.Text("Target")!;
            vulnerabilities.AddRange(result.Items("Vulnerabilities").Select(vulnerability => new TrivyVulnerability(
                target, vulnerability.Text("PkgName")!, vulnerability.Text("InstalledVersion")!,
                    vulnerability.Text("VulnerabilityID")!,
                vulnerability.Text("Severity")!, vulnerability.Text("FixedVersion")!, vulnerability.Text("Status")!,
                    vulnerability.Text("Title")!)));
        }
        return new TrivyJsonReport(root.Text("ArtifactName")!, vulnerabilities);
    }
}
