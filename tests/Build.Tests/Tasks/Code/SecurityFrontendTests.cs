using System.Text.Json;
using Build.Tests.Security;
using Build.Tests.Support;
using Build.Tests.Tasks.Code.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Code;

/// <summary>Security-Frontend: the real npm audit (refused by this machine's mirror) and a recording stand-in npm for the answers.</summary>
[Trait("Tier", "process")]
public sealed class SecurityFrontendTests
{
    private const string CleanAudit = """
        {"auditReportVersion": 2, "vulnerabilities": {},
         "metadata": {"vulnerabilities": {"info": 0, "low": 0, "moderate": 0, "high": 0, "critical": 0, "total": 0}}}
        """;

    private const string HighOnlyAudit = """
        {"auditReportVersion": 2, "vulnerabilities": {"braces": {"name": "braces", "severity": "high", "via": []}},
         "metadata": {"vulnerabilities": {"info": 0, "low": 0, "moderate": 0, "high": 1, "critical": 0, "total": 1}}}
        """;

    private const string CriticalAudit = """
        {"auditReportVersion": 2, "vulnerabilities": {
           "minimist": {"name": "minimist", "severity": "critical", "via": []},
           "braces": {"name": "braces", "severity": "high", "via": []}},
         "metadata": {"vulnerabilities": {"info": 0, "low": 0, "moderate": 0, "high": 1, "critical": 1, "total": 2}}}
        """;

    private static readonly string Report = Path.Combine(TestArtifacts.Of(SovdPipeline.FrontendSecurityReports), "npm-audit.json");

    /// <summary>This machine's npm mirror answers the audit endpoint with 405: an audit that did not happen must fail.</summary>
    [Fact]
    [Trait("Requires", "node")]
    public async Task SecurityFrontend_RealAuditAgainstThisMachinesMirror_FailsSayingTheAuditServiceIsUnreachable()
    {
        var result = await CodeStage.RunAsync("Security-Frontend");

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("Security-Frontend failed: the npm audit service is unreachable (npm audit could not run: 405 Method Not Allowed")
            .And.Contain("Nothing was audited, so this is not a pass");
    }

    [Fact]
    public async Task SecurityFrontend_StandInNpmCleanAudit_PassesAndWritesTheJsonReport()
    {
        using var npm = new StandIns().Add("npm", stdout: CleanAudit);

        var result = await RunWith(npm);

        result.ExitCode.Should().Be(0, result.ToString());
        npm.Calls.Should().Equal("npm audit --audit-level=critical --omit=dev --json", "npm audit --audit-level=critical --json");
        result.Output.Should().Contain("npm audit: nothing at or above critical");
        File.ReadAllText(Report).Should().Be(CleanAudit);
    }

    [Fact]
    public async Task SecurityFrontend_StandInNpmHighButNoCritical_Passes()
    {
        using var npm = new StandIns().Add("npm", stdout: HighOnlyAudit);

        var result = await RunWith(npm);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("npm audit: nothing at or above critical").And.Contain("1 high");
    }

    [Fact]
    public async Task SecurityFrontend_StandInNpmCriticalPackageWithoutAdvisory_FailsNamingThePackage()
    {
        using var npm = new StandIns().Add("npm", exitCode: 1, failOnCall: -1, failOutput: CriticalAudit);

        var result = await RunWith(npm);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("Security-Frontend failed: npm audit found critical vulnerabilities in minimist (critical) but named no advisory")
            .And.NotContain("in braces");
        using var report = JsonDocument.Parse(File.ReadAllText(Report));
        report.RootElement.GetProperty("metadata").GetProperty("vulnerabilities").GetProperty("critical").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task SecurityFrontend_StandInNpmRecordedReport_NewCriticalAdvisoryFailsNamingItsGhsaId()
    {
        using var npm = new StandIns().Add("npm", exitCode: 1, failOnCall: -1, failOutput: ScannerReports.Read("npm-audit.json"));
        using var triage = ScannerReports.Triage(("GHSA-grv7-fg5c-xmjg", "braces", ScannerReports.Future));

        var result = await RunWith(npm, triage);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("npm audit: 1 new, 0 triaged")
            .And.Contain("Security-Frontend failed: npm audit found 1 new finding(s) not in the triage file: GHSA-test-0000-0001 in libexample (npm audit, critical)");
    }

    [Fact]
    public async Task SecurityFrontend_StandInNpmRecordedReport_CriticalAdvisoryTriaged_PassesAndListsIt()
    {
        using var npm = new StandIns().Add("npm", exitCode: 1, failOnCall: -1, failOutput: ScannerReports.Read("npm-audit.json"));
        using var triage = ScannerReports.Triage(("GHSA-test-0000-0001", "libexample", ScannerReports.Future));

        var result = await RunWith(npm, triage);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("npm audit: 0 new, 1 triaged").And.Contain("triaged: GHSA-test-0000-0001 in libexample")
            .And.Contain("npm audit: every critical advisory is triaged");
    }

    [Fact]
    public async Task SecurityFrontend_StandInNpmOnGitHubActions_WritesTheFindingsTableToTheStepSummary()
    {
        using var npm = new StandIns().Add("npm", exitCode: 1, failOnCall: -1, failOutput: ScannerReports.Read("npm-audit.json"));
        using var triage = ScannerReports.Triage(("GHSA-test-0000-0001", "libexample", ScannerReports.Future));
        var summary = Path.Combine(npm.Directory, "step-summary.md");
        File.WriteAllText(summary, string.Empty);

        var result = await CodeStage.RunAsync("Security-Frontend", arguments: [triage.Argument], environment: new Dictionary<string, string?>
        {
            ["PATH"] = npm.PathWithStandIns,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = summary,
        });

        result.ExitCode.Should().Be(0, result.ToString());
        File.ReadAllText(summary).Should().Contain("### Security-Frontend: findings")
            .And.Contain("| npm audit | GHSA-test-0000-0001 | libexample | critical | triaged: accepted by tests until 2099-12-31: accepted for the test |");
    }

    [Fact]
    public async Task SecurityFrontend_ExpiredTriageEntry_FailsNamingTheEntryBeforeTheAudit()
    {
        using var npm = new StandIns().Add("npm", exitCode: 1, failOnCall: -1, failOutput: ScannerReports.Read("npm-audit.json"));
        using var triage = ScannerReports.Triage(("GHSA-test-0000-0001", "libexample", ScannerReports.Past));

        var result = await RunWith(npm, triage);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("entry 1 (GHSA-test-0000-0001 in libexample) expired on 2026-01-31");
        npm.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task SecurityFrontend_DryRun_PrintsTheAuditCommand()
    {
        var result = await CodeStage.RunAsync("Security-Frontend", arguments: ["--dryrun"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"npm audit --audit-level=critical --omit=dev --json (in {RepoPaths.App}/frontend)")
            .And.Contain($"npm audit --audit-level=critical --json (in {RepoPaths.App}/frontend)");
    }

    [Fact]
    public async Task SecurityFrontend_StandInNpmCriticalOnlyInDevDependencies_PassesAndReportsIt()
    {
        // Call 1 (--omit=dev) finds nothing; call 2 (the whole tree) finds the recorded critical advisory.
        using var npm = new StandIns().Add("npm", stdout: CleanAudit, exitCode: 1, failOnCall: 2, failOutput: ScannerReports.Read("npm-audit.json"));

        var result = await RunWith(npm);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("npm audit of the dev dependencies: 1 critical advisory(ies) only there (reported, not gating;")
            .And.Contain("dev dependency advisory (not shipped): GHSA-test-0000-0001 in libexample (critical)");
        File.ReadAllText(Path.Combine(TestArtifacts.Of(SovdPipeline.FrontendSecurityReports), "npm-audit-dev.json")).Should().Be(ScannerReports.Read("npm-audit.json").TrimEnd());
    }

    private static Task<HostResult> RunWith(StandIns npm, TempTriageFile? triage = null) =>
        CodeStage.RunAsync("Security-Frontend", arguments: triage is null ? [] : [triage.Argument],
            environment: new Dictionary<string, string?> { ["PATH"] = npm.PathWithStandIns });
}
