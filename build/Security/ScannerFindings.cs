using Build.Tools.Bandit;
using Build.Tools.Npm;
using Build.Tools.PipAudit;
using Build.Tools.Trivy;

namespace Build.Security;

/// <summary>The scanners' reports as findings the triage file can name (id and package or path).</summary>
public static class ScannerFindings
{
    public const string PipAudit = "pip-audit";
    public const string Bandit = "Bandit";
    public const string NpmAudit = "npm audit";
    public const string Trivy = "Trivy";

    /// <summary>pip-audit gives no severity: every known vulnerability counts.</summary>
    public static IEnumerable<Finding> From(PipAuditJsonReport report) => report.Vulnerabilities.Select(vulnerability =>
        new Finding(PipAudit, vulnerability.Id, vulnerability.Package, "unrated", vulnerability.ToString()) { Aliases = vulnerability.Aliases });

    public static IEnumerable<Finding> From(IEnumerable<BanditIssue> issues) => issues.Select(issue =>
        new Finding(Bandit, issue.TestId, issue.File, issue.Severity, $"{issue.TestName} at line {issue.Line}: {issue.Text}"));

    public static IEnumerable<Finding> From(IEnumerable<NpmAuditAdvisory> advisories) => advisories.Select(advisory =>
        new Finding(NpmAudit, advisory.Id, advisory.Package, advisory.Severity.ToWire(), $"{advisory.Title} ({advisory.Range})"));

    public static IEnumerable<Finding> From(string image, TrivyJsonReport report) => report.Vulnerabilities.Select(vulnerability =>
        new Finding(Trivy, vulnerability.Id, vulnerability.Package, vulnerability.Severity, $"{image}: {vulnerability}"));
}
