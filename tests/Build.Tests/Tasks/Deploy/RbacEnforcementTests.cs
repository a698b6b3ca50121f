using Build.Deploy;
using Build.Tests.Support;
using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The stand-ins hold the deploy to the RBAC manifest the way a real API server does: helm 4's --wait lists and
/// watches every kind of the release, so a manifest without `watch` on a kind fails the upgrade with a Forbidden.
/// </summary>
[Trait("Tier", "process")]
public sealed class RbacEnforcementTests
{
    private const string Stage = "Deploy-Staging";

    [Fact]
    public async Task DeployStaging_TheCommittedManifest_StandIn_DeploysWithoutAForbidden()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4);

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().NotContain("forbidden");
    }

    [Fact]
    public async Task HelmUpgradeWait_ManifestWithoutWatchOnServices_StandIn_FailsForbiddenAsHelm4sWatcher()
    {
        using var cluster = new ClusterStandIn();
        cluster.Release(Stable, "deployed", 4);
        // The hand-kept manifest before issue #22: get and list on services, no watch.
        var old = File.ReadAllText(Path.Combine(RepoPaths.Root, ClusterPermission.RbacManifest)).Replace(
            "resources: [services]\n    verbs: [get, list, watch, create, patch, delete]", "resources: [services]\n    verbs: [get, list, create, patch, delete]",
            StringComparison.Ordinal);
        old.Should().Contain("resources: [services]\n    verbs: [get, list, create");
        cluster.Rbac(old);

        var (exitCode, error) = await RunAsync(Path.Combine(cluster.Directory, "helm"),
            "upgrade", "--install", Stable, DeployScenario.Chart, "--wait", "--rollback-on-failure", "-n", "staging");

        exitCode.Should().Be(1);
        error.Trim().Should().Be(
            "Error: UPGRADE FAILED: release sovd-webapp failed, and has been rolled back due to rollback-on-failure being set: " +
            $"services is forbidden: User \"{ClusterStandIn.User}\" cannot watch resource \"services\" in API group \"\" in the namespace \"staging\"");
        cluster.ReleaseState(Stable).Should().Be("deployed 6", "helm rolled the release back to a new revision");
    }

    [Fact]
    public async Task HelmUpgradeWait_CommittedManifest_StandIn_Succeeds()
    {
        using var cluster = new ClusterStandIn();

        var (exitCode, error) = await RunAsync(Path.Combine(cluster.Directory, "helm"),
            "upgrade", "--install", Stable, DeployScenario.Chart, "--wait", "-n", "production", "-f", Path.Combine(DeployScenario.Chart, "values-production.yaml"));

        exitCode.Should().Be(0, error);
        cluster.ReleaseState(Stable).Should().Be("deployed 1");
    }

    [Fact]
    public async Task DeployStaging_WatchOnServicesDenied_StandIn_ThePreflightNamesItBeforeHelmRuns()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4).Deny("watch", "services");

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("The current identity may not watch services (for helm 4's --wait: its kstatus watcher lists and watches every kind of the release)");
        scenario.ToolCalls.Should().NotContain(call => call.StartsWith("helm upgrade", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KubectlLogs_LogsNotGranted_StandIn_AnswersForbiddenInTheApiServersWords()
    {
        using var scenario = new DeployScenario();
        var kubectl = Path.Combine(scenario.Cluster.Directory, "kubectl");
        scenario.Cluster.Deny("get", "pods/log");

        var (exitCode, error) = await RunAsync(kubectl, "logs", "deployment/sovd-webapp-backend", "-n", "staging");

        exitCode.Should().Be(1);
        error.Trim().Should().Be(
            $"Error from server (Forbidden): pods is forbidden: User \"{ClusterStandIn.User}\" cannot get resource \"pods/log\" in API group \"\" in the namespace \"staging\"");
    }

    internal static async Task<(int ExitCode, string Error)> RunAsync(string tool, params string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }
}
