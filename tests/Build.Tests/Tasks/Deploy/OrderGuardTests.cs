using System.Diagnostics;
using Build.Tests.Support;
using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The order guard against this repository's own history: the release runs one real commit, the deploy is of another.
/// </summary>
[Trait("Tier", "process")]
public sealed class OrderGuardTests
{
    private static readonly string Head = Git("rev-parse", "HEAD");
    private static readonly string Parent = Git("rev-parse", "HEAD~1");

    [Fact]
    public async Task DeployStaging_OlderCommitThanTheRunningOne_StandIn_RefusesNamingBothAndChangesNothing()
    {
        using var scenario = new DeployScenario { DeploySha = Parent };
        scenario.Cluster.Release(Stable, "deployed", 4, runs: Head);

        var result = await scenario.RunAsync("Deploy-Staging");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain(
            $"Order guard: sovd-webapp runs commit {Head}; this deploy is commit {Parent}, which is not a descendant of it: deploying would replace newer (or diverged) code")
            .And.Contain($"To deploy {Parent} deliberately, run again with --allow-downgrade.");
        scenario.ToolCalls.Should().NotContain(call => call.StartsWith("helm upgrade", StringComparison.Ordinal));
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 4");
    }

    [Fact]
    public async Task DeployStaging_OlderCommitWithAllowDowngrade_StandIn_DeploysWithAWarning()
    {
        using var scenario = new DeployScenario { DeploySha = Parent };
        scenario.Cluster.Release(Stable, "deployed", 4, runs: Head);

        var result = await scenario.RunAsync("Deploy-Staging", "--allow-downgrade");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"Order guard: sovd-webapp runs commit {Head}; this deploy is commit {Parent}, which does not descend from it; deploying anyway (--allow-downgrade).");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"backend.image.tag={Parent}");
    }

    [Fact]
    public async Task DeployStaging_NewerCommit_StandIn_DeploysSayingItDescends()
    {
        using var scenario = new DeployScenario { DeploySha = Head };
        scenario.Cluster.Release(Stable, "deployed", 4, runs: Parent);

        var result = await scenario.RunAsync("Deploy-Staging");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"Order guard: sovd-webapp runs commit {Parent}; this deploy is commit {Head} (a descendant).");
    }

    private static string Git(params string[] arguments)
    {
        var info = new ProcessStartInfo("git", arguments) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
