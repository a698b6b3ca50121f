using Build.Tests.Support;

namespace Build.Tests.Security;

/// <summary>Rescan-Deployed's plan: it reads GitHub's deployment records and scans; it builds, pushes and deploys nothing.</summary>
[Trait("Tier", "process")]
public sealed class RescanDeployedDryRunTests
{
    [Fact]
    public async Task RescanDeployed_DryRun_ReadsBothEnvironmentsAndOnlyScans()
    {
        var run = await HostRun.RunAsync(["--target=Rescan-Deployed", "--exclusive", "--dryrun"]);

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("[dry-run] would read the deployed commit of staging, production from GitHub's deployments of $GITHUB_REPOSITORY, " +
                "then pull and scan 127.0.0.1:5000/local/sovd-backend:<sha>, 127.0.0.1:5000/local/sovd-frontend:<sha>")
            .And.Contain("[dry-run] would fail on new CRITICAL findings in the deployed images not triaged in")
            .And.NotContain("docker push").And.NotContain("helm upgrade").And.NotContain("docker build");
    }
}
