using System.Text.Json;
using Build.Tests.Security;
using Build.Tests.Support;
using Build.Tests.Tasks.Code.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Code;

/// <summary>Security-Backend with real Bandit; pip-audit is not installable here, so it is a recording stand-in.</summary>
[Trait("Requires", "python")]
public sealed class SecurityBackendTests
{
    private const string CleanAudit = """{"dependencies": [{"name": "fastapi", "version": "0.92.0", "vulns": []}], "fixes": []}""";

    private const string VulnerableAudit = """
        {"dependencies": [{"name": "starlette", "version": "0.25.0", "vulns": [
          {"id": "GHSA-74m5-2c7w-9w3x", "fix_versions": ["0.27.0"], "aliases": ["CVE-2023-29159"], "description": "path traversal"}]}],
         "fixes": []}
        """;

    private const string PlantedShellCall = """
        import subprocess


        def run(command: str) -> int:
            return subprocess.call(command, shell=True)

        """;

    private static readonly string Reports = TestArtifacts.Of(SovdPipeline.BackendSecurityReports);

    [Fact]
    public async Task SecurityBackend_ShippedSample_PassesWithStandInPipAuditAndRealBandit_AndWritesBothReports()
    {
        using var pipAudit = new PythonModuleStandIn("pip_audit", report: CleanAudit);

        var result = await CodeStage.RunAsync("Security-Backend", environment: pipAudit.Environment);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("pip-audit: 1 dependencies, 0 known vulnerabilities").And.Contain("Bandit: 0 findings, 0 of high severity");
        pipAudit.Calls.Should().Equal(
            $"pip_audit -r {RepoPaths.App}/backend/requirements.txt --format json -o {Reports}/pip-audit.json");
        File.ReadAllText(Path.Combine(Reports, "pip-audit.json")).Should().Be(CleanAudit);
        using var bandit = JsonDocument.Parse(File.ReadAllText(Path.Combine(Reports, "bandit.json")));
        bandit.RootElement.GetProperty("results").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task SecurityBackend_PlantedShellInjection_FailsWithTheBanditFinding()
    {
        using var app = AppCopy.Of("backend").Write("backend/app/planted.py", PlantedShellCall);
        using var pipAudit = new PythonModuleStandIn("pip_audit", report: CleanAudit);

        var result = await CodeStage.RunAsync("Security-Backend", app.Root, environment: pipAudit.Environment);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("subprocess_popen_with_shell_equals_true")
            .And.Contain("Security-Backend failed: Bandit found 1 new finding(s) not in the triage file: B602 in app/planted.py (Bandit, HIGH)")
            .And.Contain("app/planted.py:5");
        using var bandit = JsonDocument.Parse(File.ReadAllText(Path.Combine(Reports, "bandit.json")));
        bandit.RootElement.GetProperty("results").EnumerateArray().Select(issue => issue.GetProperty("test_id").GetString())
            .Should().Contain("B602").And.Contain("B404", "the low-severity import is reported too, but does not fail the stage");
    }

    [Fact]
    public async Task SecurityBackend_StandInPipAuditFindsAVulnerability_FailsNamingPackageIdAndFix()
    {
        using var pipAudit = new PythonModuleStandIn("pip_audit", stdout: "Found 1 known vulnerability in 1 package\n", exitCode: 1, report: VulnerableAudit);

        var result = await CodeStage.RunAsync("Security-Backend", environment: pipAudit.Environment);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain(
            "Security-Backend failed: pip-audit found 1 new finding(s) not in the triage file: GHSA-74m5-2c7w-9w3x in starlette (pip-audit, unrated): starlette==0.25.0: GHSA-74m5-2c7w-9w3x (fixed in 0.27.0)");
    }

    [Fact]
    public async Task SecurityBackend_StandInPipAuditRecordedReport_NewAdvisoryFailsAndTriagedOnesAreListed()
    {
        using var pipAudit = new PythonModuleStandIn("pip_audit", exitCode: 1, report: ScannerReports.Read("pip-audit.json"));
        using var triage = ScannerReports.Triage(("CVE-2025-54121", "starlette", ScannerReports.Future), ("GHSA-7f5h-v6xp-fcq8", "starlette", ScannerReports.Future));

        var result = await CodeStage.RunAsync("Security-Backend", arguments: [triage.Argument], environment: pipAudit.Environment);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("pip-audit: 1 new, 2 triaged")
            .And.Contain("triaged: GHSA-2c2j-9gv5-cj73 in starlette (pip-audit, unrated)").And.Contain("accepted by tests until 2099-12-31: accepted for the test")
            .And.Contain("Security-Backend failed: pip-audit found 1 new finding(s) not in the triage file: GHSA-vqfr-h8mv-ghfj in h11")
            .And.Contain("h11==0.14.0: GHSA-vqfr-h8mv-ghfj (fixed in 0.16.0)");
    }

    [Fact]
    public async Task SecurityBackend_StandInPipAuditRecordedReport_EveryAdvisoryTriaged_Passes()
    {
        using var pipAudit = new PythonModuleStandIn("pip_audit", exitCode: 1, report: ScannerReports.Read("pip-audit.json"));
        using var triage = ScannerReports.Triage(
            ("CVE-2025-54121", "starlette", ScannerReports.Future), ("CVE-2025-62727", "starlette", ScannerReports.Future), ("CVE-2025-43859", "h11", ScannerReports.Future));

        var result = await CodeStage.RunAsync("Security-Backend", arguments: [triage.Argument], environment: pipAudit.Environment);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("pip-audit: 0 new, 3 triaged").And.Contain("Bandit: 0 new, 0 triaged");
    }

    [Fact]
    public async Task SecurityBackend_ExpiredTriageEntry_FailsNamingTheEntryBeforeAnyScan()
    {
        using var pipAudit = new PythonModuleStandIn("pip_audit", exitCode: 1, report: ScannerReports.Read("pip-audit.json"));
        using var triage = ScannerReports.Triage(("CVE-2025-43859", "h11", ScannerReports.Past));

        var result = await CodeStage.RunAsync("Security-Backend", arguments: [triage.Argument], environment: pipAudit.Environment);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain($"Triage file {triage.FilePath} has 1 problem(s)").And.Contain("entry 1 (CVE-2025-43859 in h11) expired on 2026-01-31");
        pipAudit.Calls.Should().BeEmpty("a bad triage file stops the stage before it scans");
    }

    [Fact]
    public async Task SecurityBackend_PlantedShellInjectionTriagedForItsFile_PassesAndListsIt()
    {
        using var app = AppCopy.Of("backend").Write("backend/app/planted.py", PlantedShellCall);
        using var pipAudit = new PythonModuleStandIn("pip_audit", report: CleanAudit);
        using var triage = ScannerReports.Triage(("B602", "app/planted.py", ScannerReports.Future));

        var result = await CodeStage.RunAsync("Security-Backend", app.Root, arguments: [triage.Argument], environment: pipAudit.Environment);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Bandit: 0 new, 1 triaged").And.Contain("triaged: B602 in app/planted.py (Bandit, HIGH)");
    }

    [Fact]
    public async Task SecurityBackend_PlantedShellInjectionWithExpiredTriage_Fails()
    {
        using var app = AppCopy.Of("backend").Write("backend/app/planted.py", PlantedShellCall);
        using var pipAudit = new PythonModuleStandIn("pip_audit", report: CleanAudit);
        using var triage = ScannerReports.Triage(("B602", "app/planted.py", ScannerReports.Past));

        var result = await CodeStage.RunAsync("Security-Backend", app.Root, arguments: [triage.Argument], environment: pipAudit.Environment);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("entry 1 (B602 in app/planted.py) expired on 2026-01-31");
    }

    [Fact]
    public async Task SecurityBackend_StandInPipAuditCannotReachItsService_FailsSayingNothingWasAudited()
    {
        const string networkError = "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded";
        using var pipAudit = new PythonModuleStandIn("pip_audit", stderr: networkError + "\n", exitCode: 1);

        var result = await CodeStage.RunAsync("Security-Backend", environment: pipAudit.Environment);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain(networkError)
            .And.Contain("pip-audit exited with code 1 without a report: the audit did not complete")
            .And.Contain("Nothing was audited, so this is not a pass");
    }

    [Fact]
    public async Task SecurityBackend_PipAuditNotInstalled_FailsBeforeScanningNamingPipAuditAndHowToInstallIt()
    {
        Directory.CreateDirectory(Reports);
        var marker = Path.Combine(Reports, "earlier-report");
        File.WriteAllText(marker, "kept");

        var result = await CodeStage.RunAsync("Security-Backend");

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("Missing tool 'pip-audit'").And.Contain("-m pip install -r backend/requirements-dev.txt");
        result.Output.Should().NotContain("--- bandit ---");
        File.Exists(marker).Should().BeTrue("a missing tool stops the stage before it touches its reports");
        File.Delete(marker);
    }

    /// <summary>CI passes no --python: the job's python3 is whatever setup-python put first on PATH.</summary>
    [Fact]
    public async Task SecurityBackend_PythonGivenAsBareName_IsTheOneFirstOnPath()
    {
        using var pipAudit = new PythonModuleStandIn("pip_audit", report: CleanAudit);
        var bin = Directory.CreateTempSubdirectory("python-on-path-").FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "python3"), CodeStage.Python);
        var environment = new Dictionary<string, string?>(pipAudit.Environment)
        {
            ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}",
        };

        var result = await CodeStage.RunAsync("Security-Backend", environment: environment, python: "python3");
        Directory.Delete(bin, recursive: true);

        result.ExitCode.Should().Be(0, result.ToString());
        pipAudit.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task SecurityBackend_PythonThatDoesNotExist_FailsNamingTheInterpreter()
    {
        var result = await CodeStage.RunAsync("Security-Backend", python: "/nonexistent/python3");

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("Missing tool 'bandit': the Python interpreter '/nonexistent/python3' was not found")
            .And.Contain("--python=<path to an interpreter that has bandit>");
    }

    [Fact]
    public async Task SecurityBackend_DryRun_PrintsPipAuditAndBothBanditRuns()
    {
        var result = await CodeStage.RunAsync("Security-Backend", arguments: ["--dryrun"]);

        result.ExitCode.Should().Be(0, result.ToString());
        var backend = $"{RepoPaths.App}/backend";
        result.Output.Should().Contain($"-m pip_audit -r {backend}/requirements.txt --format json -o {Reports}/pip-audit.json (in {backend})")
            .And.Contain($"-m bandit -r app -f screen -q (in {backend})")
            .And.Contain($"-m bandit -r app -f json -o {Reports}/bandit.json -q (in {backend})");
    }
}
