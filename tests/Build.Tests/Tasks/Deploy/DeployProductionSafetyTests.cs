using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// What keeps production serving during a rollout: stable's workloads untouched until promotion, the wait for the
/// route before the smoke tests, and the repair of a rollout interrupted by SIGTERM (SIGKILL at any step:
/// <see cref="KillTheory"/>).
/// </summary>
[Trait("Tier", "process")]
public sealed class DeployProductionSafetyTests
{
    internal const string Stage = "Deploy-Production";
    internal const string Confirm = "--confirm=Deploy-Production";
    internal const string NoProbe = "--probe-requests=0";
    internal const string StateName = "sovd-webapp-rollout";

    [Theory]
    [InlineData("gateway")]
    [InlineData("ingress-nginx")]
    public async Task DeployProduction_TenAndFiftyPercentSteps_StandInRenderingWithRealHelm_LeaveStablesDeploymentsIdentical(string provider)
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).RenderManifests();
        scenario.Cluster.SeedManifest(Stable, 7, DeployScenario.Chart, "-f", $"{DeployScenario.Chart}/values-production.yaml",
            "--set", $"traffic.provider={provider}", "--set-string", $"backend.image.tag={ClusterStandIn.PreviousSha}",
            "--set-string", $"frontend.image.tag={ClusterStandIn.PreviousSha}");
        var before = Deployments(scenario.Cluster.Manifest(Stable));
        var atSmoke = new List<string>();
        var marker = scenario.App.OnSmokeRun;
        scenario.App.OnSmokeRun = canary =>
        {
            marker(canary);
            atSmoke.Add(Deployments(scenario.Cluster.Manifest(Stable)));
        };

        var result = await scenario.RunAsync(Stage, Confirm, NoProbe, $"--set=traffic.provider={provider}");

        result.ExitCode.Should().Be(0, result.ToString());
        before.Should().Contain("kind: Deployment").And.Contain(ClusterStandIn.PreviousSha);
        atSmoke.Should().HaveCount(7, "two smoke runs at each weight, one after promotion");
        atSmoke.Take(4).Should().OnlyContain(deployments => deployments == before, "the 10 % and 50 % steps leave stable's Deployments as they were");
        Deployments(scenario.Cluster.Manifest(Stable)).Should().NotBe(before, "promotion is where stable changes").And.Contain(DeployScenario.Sha);
    }

    [Fact]
    public async Task DeployProduction_RouteNeverResolvesTheCanary_StandIn_FailsBeforeTheSmokeTestsAndRoutesBackToStable()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).Release(Route, "deployed", 4).RouteStatus("unresolved-canary");

        var result = await scenario.RunAsync(Stage, Confirm, NoProbe, "--route-wait-seconds=3");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("failed at 'canary 10 %: wait for HTTPRoute sovd-webapp: Accepted and ResolvedRefs from Gateway production/sovd-gateway'")
            .And.Contain("The route was not served within 3 s: httproute sovd-webapp: ResolvedRefs=False (BackendNotFound: Service default/sovd-webapp-canary-backend not found).")
            .And.Contain("Rolled back: the route sends every request to sovd-webapp again; sovd-webapp-canary uninstalled.");
        scenario.RolloutCalls.Should().NotContain(call => call.StartsWith("smoke", StringComparison.Ordinal), "no smoke test runs against a route that is not served")
            .And.EndWith(RouteBackAndRemoveCanary);
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 7");
    }

    [Fact]
    public async Task DeployProduction_SigtermWhileWaitingForTheTenPercentRoute_StandIn_RoutesBackAtOnceAndTheRepairRemovesTheCanary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).InterruptAt(RouteGet, 2, "TERM");

        var interrupted = await scenario.RunAsync(Stage, Confirm, NoProbe);
        var quickUndo = scenario.Cluster.HelmArguments.Last();
        var stateAfterInterruption = scenario.Cluster.ConfigMap(StateName);
        scenario.Cluster.StopInterrupting();
        var repair = await scenario.RunAsync("Repair-Production");

        interrupted.ExitCode.Should().NotBe(0);
        interrupted.Output.Should().Contain("Deploy-Production: interrupted at 'canary 10 %: wait for HTTPRoute sovd-webapp")
            .And.Contain("the route sends every request to sovd-webapp again (helm upgrade sovd-webapp-route, not waited for)")
            .And.Contain("`./build.sh --target=Repair-Production` (the job's repair step runs it after a cancellation)");
        string.Join(' ', quickUndo).Should().StartWith($"upgrade {Route} {DeployScenario.Chart} -f {DeployScenario.Chart}/values-production.yaml --set traffic.routeFor=sovd-webapp -n production")
            .And.NotContain("--wait");
        stateAfterInterruption.Should().Contain("\"step\":\"canary 10 %\"").And.Contain("\"stableRevisionBefore\":\"7\"").And.Contain("\"canaryRelease\":\"sovd-webapp-canary\"");
        scenario.ReadRecord("deploy-production").GetProperty("outcome").GetString().Should().Be("interrupted");
        repair.ExitCode.Should().Be(0, repair.ToString());
        repair.Output.Should().Contain("An earlier rollout of 0123456789abcdef0123456789abcdef01234567 into sovd-webapp stopped at 'canary 10 %' (10 %)")
            .And.Contain("Repaired: every request goes to sovd-webapp; sovd-webapp-canary is gone.");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull();
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 7", "the repair never rolls a deployed stable release back");
        scenario.Cluster.ConfigMap(StateName).Should().BeNull();
    }

    [Fact]
    public async Task RepairProduction_NoInterruptedRollout_StandIn_ChangesNothingAndSaysSo()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync("Repair-Production");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("No interrupted rollout of sovd-webapp in production (sovd-webapp-rollout does not exist): nothing to repair.");
        scenario.ToolCalls.Should().Equal(StateRead);
    }

    private static string Deployments(string? manifest) =>
        string.Join("---\n", (manifest ?? "").Split("---\n").Where(document => document.Contains("\nkind: Deployment\n", StringComparison.Ordinal)));
}
