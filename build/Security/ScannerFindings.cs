namespace Build.Security;

/// <summary>
/// One thing a scanner reported that would fail its stage: an advisory (CVE, GHSA, PYSEC…) in a package, or a Bandit
/// test id in a file. <paramref name="Aliases"/> are the other ids of the same advisory, so a triage entry may name
/// any.
/// </summary>
public sealed record Finding(string Scanner, string Id, string Package, string Severity, string Detail)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public override string ToString() => $"{Id} in {Package} ({Scanner}, {Severity}): {Detail}";
}

/// <summary>The scanners' reports as findings the triage file can name (id and package or path).</summary>
public static class ScannerFindings
{
    public const string PipAudit = "pip-audit";
    public const string Bandit = "Bandit";
    public const string NpmAudit = "npm audit";
    public const string Trivy = "Trivy";

    /// <summary>pip-audit gives no severity: every known vulnerability counts.</summary>
    public static IEnumerable<Finding> From(PipAuditJsonReport report) => report.Vulnerabilities.Select(vulnerability =>
        new Finding(PipAudit, vulnerability.Id, vulnerability.Package, "unrated", vulnerability.ToString())
        {
            Aliases = vulnerability.Aliases,
        });

    public static IEnumerable<Finding> From(IEnumerable<BanditIssue> issues) => issues.Select(issue =>
        new Finding(Bandit, issue.TestId, issue.File, issue.Severity,
            $"{issue.TestName} at line {issue.Line}: {issue.Text}"));

    public static IEnumerable<Finding> From(IEnumerable<NpmAuditAdvisory> advisories) => advisories.Select(advisory =>
        new Finding(NpmAudit, advisory.Id, advisory.Package, advisory.Severity.ToWire(),
            $"{advisory.Title} ({advisory.Range})"));

    public static IEnumerable<Finding> From(string image, TrivyJsonReport report) =>
        report.Vulnerabilities.Select(vulnerability =>
        new Finding(Trivy, vulnerability.Id, vulnerability.Package, vulnerability.Severity,
            $"{image}: {vulnerability}"));
}

/// <summary>
/// A scanner's findings split into the accepted ones (with the entry that accepted each) and the new ones; only new
/// ones fail a stage.
/// </summary>
public sealed record TriageVerdict(string Scanner, IReadOnlyList<(Finding Finding, TriageEntry Entry)> Triaged,
    IReadOnlyList<Finding> New)
{
    /// <summary>Why the stage fails, or null when every finding is triaged.</summary>
    public string? Failure => New.Count == 0
        ? null
        : $"{Scanner} found {New.Count} new finding(s) not in the triage file: {string.Join("; ", New)}. " +
          "Fix them (update or replace the package, change the code) or, when the risk is accepted, add an entry to " +
              "the triage file.";

    public static TriageVerdict Of(string scanner, IEnumerable<Finding> findings, TriageFile triage)
    {
        var judged = findings
            .Select(finding => (Finding: finding, Entry: triage.Entries.FirstOrDefault(entry => entry.Covers(finding))))
            .ToList();
        return new TriageVerdict(scanner,
            [.. judged.Where(j => j.Entry is not null).Select(j => (j.Finding, j.Entry!))],
            [.. judged.Where(j => j.Entry is null).Select(j => j.Finding)]);
    }
}
