using Build.Tests.Support;

namespace Build.Tests.Security;

/// <summary>Security-Images' plan without trivy or images: the dry run shows the triage file and the unfixed handling.</summary>
[Trait("Tier", "process")]
public sealed class SecurityImagesDryRunTests
{
    [Fact]
    public async Task SecurityImages_DryRun_ShowsTriageFileIgnoreUnfixedAndBothScansPerImage()
    {
        var run = await HostRun.RunAsync(["--target=Security-Images", "--exclusive", "--dryrun"]);

        run.ExitCode.Should().Be(0, run.Output);
        var triage = Path.Combine(RepoPaths.App, "security", "triage.yml");
        run.Output.Should().Contain($"Triage: 6 accepted risk(s) in {triage}, none expired.")
            .And.Contain("Unfixed findings skipped (trivy --ignore-unfixed; --ignore-unfixed=false reports them)")
            .And.Contain("trivy image --severity CRITICAL --format json --output ").And.Contain("sovd-backend.json --ignore-unfixed 127.0.0.1:5000/local/sovd-backend:")
            .And.Contain("sovd-frontend.sarif --ignore-unfixed --skip-db-update 127.0.0.1:5000/local/sovd-frontend:")
            .And.Contain($"[dry-run] would fail on CRITICAL findings not triaged in {triage}");
    }

    [Fact]
    public async Task SecurityImages_DryRunIgnoreUnfixedOff_ScansWithoutTheFlag()
    {
        var run = await HostRun.RunAsync(["--target=Security-Images", "--exclusive", "--dryrun", "--ignore-unfixed=false"]);

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("Unfixed findings reported too").And.NotContain("--ignore-unfixed 127.0.0.1");
    }
}
