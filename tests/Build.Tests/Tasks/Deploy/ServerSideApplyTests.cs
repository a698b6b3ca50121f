using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// helm 4 applies server-side: after a manual <c>kubectl scale</c> the next apply of <c>.spec.replicas</c> conflicts.
/// The decision: the deploys pass --force-conflicts, so the chart's values win and the deploy does not fail on it.
/// </summary>
[Trait("Tier", "process")]
public sealed class ServerSideApplyTests
{
    [Fact]
    public async Task HelmUpgrade_AfterAManualScaleWithoutForceConflicts_StandIn_FailsOnTheFieldConflict()
    {
        using var cluster = new ClusterStandIn();
        cluster.Release(Stable, "deployed", 4).ScaledByHand(Stable);

        var (exitCode, error) = await RbacEnforcementTests.RunAsync(Path.Combine(cluster.Directory, "helm"),
            "upgrade", "--install", Stable, DeployScenario.Chart, "--wait", "--rollback-on-failure", "-n", "production");

        exitCode.Should().Be(1);
        error.Trim().Should().Be(
            "Error: UPGRADE FAILED: release sovd-webapp failed, and has been rolled back due to rollback-on-failure being set: " +
            "conflict occurred while applying object production/sovd-webapp-backend apps/v1, Kind=Deployment: " +
            "Apply failed with 1 conflict: conflict with \"kubectl-scale\" using apps/v1: .spec.replicas");
        cluster.HasFieldConflict(Stable).Should().BeTrue();
    }

    [Fact]
    public async Task DeployStaging_AfterAManualScale_StandIn_ForcesConflictsAndTakesTheFieldBack()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4).ScaledByHand(Stable);

        var result = await scenario.RunAsync("Deploy-Staging");

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.Cluster.HelmArguments.Single(arguments => arguments[0] == "upgrade").Should().Contain("--force-conflicts");
        scenario.Cluster.HasFieldConflict(Stable).Should().BeFalse("helm's apply took .spec.replicas back from kubectl-scale");
    }
}
