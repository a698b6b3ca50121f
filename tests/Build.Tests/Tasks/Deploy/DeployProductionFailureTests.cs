using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.DeployStagingTests;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>Production's failure paths: a broken canary, promotion, a failing rollback, leftovers, and what is recorded.</summary>
[Trait("Tier", "process")]
public sealed class DeployProductionFailureTests
{
    private const string Stage = "Deploy-Production";
    private const string Confirm = "--confirm=Deploy-Production";
    private const string Probe = "--probe-requests=10";
    private const string Folder = "deploy-production";

    [Fact]
    public async Task DeployProduction_CanaryBrokenButStableHealthy_StandIn_CanaryOnlySmokeTestsCatchItAtTenPercent()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        // At 10 % nine requests in ten would reach the healthy stable release; only the header routing shows the fault.
        scenario.App.CanaryBroken = true;

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Production failed at 'canary 10 %: smoke tests and error-rate probe via X-Canary: always'")
            .And.Contain("(canary only, X-Canary: always)")
            .And.Contain("smoke: extra headers: X-Canary: always");
        scenario.RolloutCalls.Should().Contain("smoke canary").And.NotContain("smoke", "the weighted check runs only after the canary alone passed");
        scenario.ReadRecord(Folder).GetProperty("outcome").GetString().Should().Be("rolled back");
    }

    [Fact]
    public async Task DeployProduction_CanaryAnsweringWithAnotherBuild_StandIn_FailsTheCanaryOnlyPassNamingTheBuild()
    {
        using var scenario = new DeployScenario { CanaryBuild = "badc0ffee0000000000000000000000000000000" };
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Production failed at 'canary 10 %: smoke tests and error-rate probe via X-Canary: always'")
            .And.Contain($"smoke: expecting build {DeployScenario.Sha} in X-App-Version")
            .And.Contain($"14 of 14 answers came from another build (expected build {DeployScenario.Sha}); first: GET {scenario.App.BaseUrl}/health/ready (HTTP 200) answered by build badc0ffee0000000000000000000000000000000");
        scenario.RolloutCalls.Should().NotContain("smoke", "the weighted check runs only after the canary alone passed");
        scenario.ReadRecord(Folder).GetProperty("outcome").GetString().Should().Be("rolled back");
    }

    [Fact]
    public async Task DeployProduction_OldBuildStillAnsweringAfterPromotion_StandIn_FailsAndRollsStableBack()
    {
        // Stable's pods never roll to the new build: the weighted passes allow the old build, the pass after promotion does not.
        using var scenario = new DeployScenario { StableBuild = ClusterStandIn.PreviousSha };
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Production failed at 'after promotion: smoke tests and error-rate probe'")
            .And.Contain($"14 of 14 answers came from another build (expected build {DeployScenario.Sha}); first: GET {scenario.App.BaseUrl}/health/ready (HTTP 200) answered by build {ClusterStandIn.PreviousSha}")
            .And.Contain("Rolled back: sovd-webapp upgraded back to its previous images; the route sends every request to sovd-webapp again");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"backend.image.tag={ClusterStandIn.PreviousSha}");
    }

    [Fact]
    public async Task DeployProduction_PromotionUpgradeFails_StandIn_RollsStableBackToItsRevisionThenRoutesBackAndRemovesTheCanary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).Release(Route, "deployed", 4).FailWhen(StableUpgrade(ShaImages));

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. CanaryStep(10), .. CanaryStep(50), .. CanaryStep(100), StateWrite, StableUpgrade(ShaImages),
            .. Diagnostics("production"), Rollback(Stable, 7, "production"), .. RouteBackAndRemoveCanary,
        ]);
        result.Output.Should().Contain("failed at 'promote: helm upgrade sovd-webapp (new images, traffic still on the canary)'")
            .And.Contain("Rolled back: sovd-webapp rolled back to revision 7; the route sends every request to sovd-webapp again; sovd-webapp-canary uninstalled.");
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 10",
            "helm rolled the failed revision 8 back to 7 as revision 9, then the deploy's rollback to 7 made 10");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"backend.image.tag={ClusterStandIn.PreviousSha}");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull();
    }

    [Fact]
    public async Task DeployProduction_SmokeFailsAfterPromotionAndTheRollbackFailsToo_StandIn_SaysHowToRecoverByHand()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).Release(Route, "deployed", 4).FailWhen("helm rollback");
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Contains(RouteUpgrade(null));

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("The rollback failed too: helm: process returned exit code 1 (helm rollback sovd-webapp 7")
            .And.Contain("Error: timed out waiting for the condition")
            .And.Contain($"Recover by hand: route back to sovd-webapp with `helm upgrade sovd-webapp-route {DeployScenario.Chart} -f {DeployScenario.Chart}/values-production.yaml " +
                         "--set traffic.routeFor=sovd-webapp -n production`, then (if promotion had begun) `helm rollback sovd-webapp 7 -n production`, " +
                         "then `helm uninstall sovd-webapp-canary -n production`; or run `./build.sh --target=Repair-Production` with the same settings.");
        var record = scenario.ReadRecord(Folder);
        record.GetProperty("outcome").GetString().Should().Be("failed, rollback failed");
        record.GetProperty("error").GetString().Should().Contain("/ rollback: helm: process returned exit code 1");
    }

    [Fact]
    public async Task DeployProduction_LeftoverCanaryFromAnInterruptedRollout_StandIn_TakesItOverAndSucceeds()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).Release(Canary, "deployed", 2);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("sovd-webapp-canary is still installed (an interrupted earlier rollout); this rollout takes it over.");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull("the canary is removed after promotion");
    }

    [Fact]
    public async Task DeployProduction_FailedCanaryRelease_StandIn_RemovesItFirstThenRollsOut()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).Release(Canary, "failed", 3);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls.Take(7).Should().Equal(
            StateRead, Status(Stable, "production"), GetValues(Stable, "production"), Status(Canary, "production"), Uninstall(Canary, "production"),
            Status(Route, "production"), StateWrite);
        result.Output.Should().Contain("sovd-webapp-canary is 'failed' from an earlier rollout: removing it before this one.");
    }

    [Fact]
    public async Task DeployProduction_CanaryReleasePendingInstall_StandIn_RefusesBeforeAnyUpgradeNamingTheRecovery()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).Release(Canary, "pending-install", 1);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(
            StateRead, Status(Stable, "production"), GetValues(Stable, "production"), Status(Canary, "production"), History(Canary, "production"));
        result.Output.Should().Contain("Release sovd-webapp-canary is stuck in 'pending-install' (revision 1)")
            .And.Contain("nothing was ever deployed, so remove it: `helm uninstall sovd-webapp-canary -n production`");
    }

    [Fact]
    public async Task DeployProduction_StableReleasePendingUpgrade_StandIn_RefusesWithTheLastDeployedRevision()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "pending-upgrade", 8);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(StateRead, Status(Stable, "production"), History(Stable, "production"));
        result.Output.Should().Contain("Release sovd-webapp is stuck in 'pending-upgrade' (revision 8)")
            .And.Contain("`helm rollback sovd-webapp 7 -n production`");
        scenario.ReadRecord(Folder).GetProperty("outcome").GetString().Should().Be("refused");
    }

    [Fact]
    public async Task DeployProduction_CanaryPodNotReady_StandIn_RecordsPodsEventsAndLogsAndPrintsASummary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).FailWhen("kubectl rollout status deployment/sovd-webapp-canary-backend");
        var folder = Path.Combine(Path.GetDirectoryName(scenario.RecordPath(Folder))!, "diagnostics");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain($"Diagnostics in {folder}: 4 pod(s) of sovd-webapp and sovd-webapp-canary; 1 not ready.")
            .And.Contain("sovd-webapp-canary-backend-5f6d8c7b9-m2n4v: backend ImagePullBackOff: Back-off pulling image");
        File.ReadAllText(Path.Combine(folder, "pods.txt")).Should().Contain("ImagePullBackOff");
        File.ReadAllText(Path.Combine(folder, "describe-pods.txt")).Should().Contain("failed to authorize: 401 Unauthorized");
        File.ReadAllText(Path.Combine(folder, "events.txt")).Should().Contain("LAST SEEN");
        File.ReadAllText(Path.Combine(folder, "logs-sovd-webapp-canary-backend-5f6d8c7b9-m2n4v.txt")).Should().Contain("Uvicorn running");
    }

    [Fact]
    public async Task DeployProduction_FailedStep_StandIn_RecordsTheRouteAndGatewayStatusAndNamesAConditionNotTrue()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Any(call => call.Contains("canary.weight=10 "));
        var folder = Path.Combine(Path.GetDirectoryName(scenario.RecordPath(Folder))!, "diagnostics");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("  HTTPRoute sovd-webapp, parent Gateway sovd-gateway: Accepted=True, " +
                                       "ResolvedRefs=False (BackendNotFound: Service production/sovd-webapp-canary-backend not found)");
        File.ReadAllText(Path.Combine(folder, "httproutes.yaml")).Should().Contain("type: ResolvedRefs").And.Contain("controllerName:");
        File.ReadAllText(Path.Combine(folder, "gateway.yaml")).Should().Contain("type: Programmed").And.Contain("attachedRoutes: 1");
        // Recorded before the undo, which puts the route back on stable (stable itself was never changed).
        scenario.RolloutCalls.Should().ContainInOrder(
            "kubectl get httproutes -l app.kubernetes.io/instance in (sovd-webapp,sovd-webapp-route) -o yaml -n production",
            "kubectl get gateways sovd-gateway -o yaml -n production",
            RouteUpgrade(null));
    }

    [Fact]
    public async Task DeployProduction_GatewayInAnotherNamespace_StandIn_AsksForItThere()
    {
        using var scenario = new DeployScenario();
        // A shared Gateway admits routes from other namespaces only when a listener says so (the preflight checks it).
        const string Listeners = "[{\"name\": \"https\", \"port\": 443, \"protocol\": \"HTTPS\", " +
                                 "\"allowedRoutes\": {\"namespaces\": {\"from\": \"All\"}}}]";
        scenario.Cluster.Release(Stable, "deployed", 7).Gateway("gateways", "shared", Listeners);
        scenario.App.CanaryBroken = true;

        var result = await scenario.RunAsync(Stage, Confirm, Probe, "--set=traffic.gateway.namespace=gateways", "--set=traffic.gateway.name=shared");

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Contain("kubectl get gateways shared -o yaml -n gateways");
        result.Output.Should().NotContain("The route was not served", "the shared Gateway accepts the route rendered for it")
            .And.Contain("Deploy-Production failed at 'canary 10 %: smoke tests", "the broken canary fails the deploy");
    }

    [Fact]
    public async Task DeployProduction_WithDependenciesAndNoConfirmation_StandIn_RefusesWhenTheHostStartsBeforeAnyStage()
    {
        using var scenario = new DeployScenario();

        var result = await Build.Tests.Support.HostRun.RunAsync(
            ["--target=Deploy-Production", $"--sha={DeployScenario.Sha}", $"--owner={DeployScenario.Owner}", scenario.ArtifactsArgument],
            new Dictionary<string, string?>(scenario.Environment) { ["PATH"] = scenario.Cluster.PathWithStandIns },
            TimeSpan.FromMinutes(2));

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Production changes production: pass --confirm=Deploy-Production to run it")
            .And.Contain("Nothing was run or changed.")
            .And.NotContain("Lint-Backend", "no stage Deploy-Production needs may run first");
        scenario.Cluster.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task DeployProduction_ExtraValuesFileAndSet_StandIn_PassThroughToEveryHelmUpgradeAfterThePipelinesValues()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        var local = Path.Combine(scenario.Cluster.Directory, "local.yaml");
        File.WriteAllText(local, "traffic:\n  provider: ingress-nginx\n  host: sovd.local\n  ingress:\n    tls:\n      secretName: \"\"\n");

        var result = await scenario.RunAsync(Stage, Confirm, Probe, $"--values={local}", "--set=traffic.ingress.className=traefik");

        result.ExitCode.Should().Be(0, result.ToString());
        var upgrades = scenario.Cluster.HelmArguments.Where(arguments => arguments[0] == "upgrade").ToList();
        upgrades.Should().HaveCount(9, "the route's handover, three canary steps, three route release upgrades, promotion and the route back").And.OnlyContain(arguments =>
            string.Join(' ', arguments).Contains($"values-production.yaml -f {local} ") && string.Join(' ', arguments).Contains("--set traffic.ingress.className=traefik"));
        scenario.PreflightCalls.Should().NotContain(call => call.Contains("sovd-production-tls"), "the extra values file names no TLS secret");
    }
}
