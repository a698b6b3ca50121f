using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.DeployStagingTests;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

[Trait("Tier", "process")]
public sealed class DeployProductionTests
{
    private const string Stage = "Deploy-Production";
    private const string Confirm = "--confirm=Deploy-Production";

    // Ten probe requests instead of the default 50 keep each smoke run short.
    private const string Probe = "--probe-requests=10";
    private const string Folder = "deploy-production";

    [Fact]
    public async Task DeployProduction_WithoutConfirmation_StandIn_RefusesBeforeAnyHelmCall()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, Probe);

        result.ExitCode.Should().NotBe(0);
        scenario.Cluster.Calls.Should().BeEmpty();
        result.Output.Should().Contain("Deploy-Production changes production: pass --confirm=Deploy-Production to run it");
    }

    [Fact]
    public async Task DeployProduction_InGitHubActionsWithoutRequiredReviewers_GitHubApiStandIn_RefusesBeforeAnyHelmCall()
    {
        const string token = "ghs_ProductionCheckTokenNeverPrinted7";
        using var scenario = new DeployScenario();
        using var api = GitHubApiStandIn.Start();
        api.Body = GitHubApiStandIn.Environment("production", "[]");
        scenario.Cluster.Release(Stable, "deployed", 7);
        scenario.Environment["GITHUB_ACTIONS"] = "true";
        scenario.Environment["GITHUB_EVENT_NAME"] = "push";
        scenario.Environment["GITHUB_REF"] = "refs/heads/main";
        scenario.Environment["GITHUB_REPOSITORY"] = "acme/sovd";
        scenario.Environment["GITHUB_API_URL"] = api.BaseUrl;
        scenario.Environment["GITHUB_TOKEN"] = token;

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        scenario.Cluster.Calls.Should().BeEmpty();
        api.Requests.Should().ContainSingle().Which.Path.Should().Be("/repos/acme/sovd/environments/production");
        result.Output.Should().Contain("Deploy-Production refuses to deploy; nothing was changed: the 'production' environment of acme/sovd has no required reviewers")
            .And.NotContain(token);
    }

    [Fact]
    public async Task DeployProduction_HealthyAtEveryStep_StandIn_HandsTheRouteOverRollsOutTenFiftyHundredThenPromotesAndRemovesTheCanary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls.Should().Equal(HealthyRollout);
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 8", "stable is upgraded once, at promotion");
        scenario.Cluster.ReleaseState(Route).Should().Be("deployed 5", "the handover, three weight steps, then the route back");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"backend.image.tag={DeployScenario.Sha}");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull();
        scenario.Cluster.ConfigMap("sovd-webapp-rollout").Should().BeNull("the state goes when the rollout is done");
        var record = scenario.ReadRecord(Folder);
        record.GetProperty("outcome").GetString().Should().Be("succeeded");
        record.GetProperty("canaryRelease").GetString().Should().Be(Canary);
        record.GetProperty("revisionBefore").GetInt32().Should().Be(7);
        record.GetProperty("revision").GetInt32().Should().Be(8);
        record.GetProperty("steps").EnumerateArray().Select(step => step.GetProperty("name").GetString()).Should().Contain(
            "route handover: kubectl annotate httproute.gateway.networking.k8s.io/sovd-webapp for sovd-webapp-route",
            "canary 10 %: smoke tests and error-rate probe via X-Canary: always", "canary 10 %: smoke tests of the weighted traffic",
            "canary 50 %: kubectl rollout status", "canary 100 %: helm upgrade --install sovd-webapp-canary (pods sized by the chart)",
            "canary 100 %: route 100 % and the header: helm upgrade sovd-webapp-route (stable untouched)",
            "canary 100 %: wait for HTTPRoute sovd-webapp: Accepted and ResolvedRefs from Gateway production/sovd-gateway",
            "promote: helm upgrade sovd-webapp (new images, traffic still on the canary)", "promote: route back to sovd-webapp: helm upgrade sovd-webapp-route");
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployProduction_HealthyAtEveryStep_StandIn_ProvesWhichBuildAnsweredEachPass()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().Be(0, result.ToString());
        var versions = result.Output.Split('\n').Where(line => line.StartsWith("PASS  version", StringComparison.Ordinal))
            .Select(line => line[(line.LastIndexOf("  ", StringComparison.Ordinal) + 2)..].TrimEnd()).ToList();
        // The stand-in's stable release runs the previous commit, without a canary header nothing reaches the canary.
        var canaryOnly = $"all 14 answers from build {DeployScenario.Sha}";
        // The weighted pass runs without the probe's 10 requests.
        var weighted = $"4 answers: 0 from {DeployScenario.Sha} (0.0%), 4 from {ClusterStandIn.PreviousSha} (100.0%)";
        versions.Should().Equal(canaryOnly, weighted, canaryOnly, weighted, canaryOnly, weighted, canaryOnly);
        result.Output.Should().Contain($"smoke: expecting build {DeployScenario.Sha} (or {ClusterStandIn.PreviousSha}) in X-App-Version");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(100)]
    public async Task DeployProduction_SmokeTestsFailAtACanaryStep_StandIn_RoutesBackToStableThenRemovesTheCanaryAndFails(int weight)
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Any(call => call.Contains($"canary.weight={weight} "));

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        var steps = new[] { 10, 50, 100 }.TakeWhile(w => w < weight).SelectMany(CanaryStep);
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. Handover, .. steps, .. CanaryStep(weight)[..7], .. Diagnostics("production"), .. RouteBackAndRemoveCanary,
        ]);
        result.Output.Should().Contain($"Deploy-Production failed at 'canary {weight} %: smoke tests and error-rate probe via X-Canary: always'")
            .And.Contain("Rolled back: the route sends every request to sovd-webapp again; sovd-webapp-canary uninstalled.");
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 7", "stable was never upgraded before promotion");
        result.Output.Should().Contain("FAIL").And.Contain("error-rate");
        scenario.ReadRecord(Folder).GetProperty("outcome").GetString().Should().Be("rolled back");
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployProduction_IngressNginxMode_StandIn_RoutesEachStepThroughStableThenPromotesAndRemovesTheCanary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, Confirm, Probe, IngressNginx);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls.Should().Equal(InIngressNginxMode(HealthyRollout));
        scenario.PreflightCalls.Should().Contain("kubectl get secret sovd-production-tls -o name --ignore-not-found -n production",
            "ingress-nginx mode serves the Ingress's TLS secret");
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 8");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"frontend.image.tag={DeployScenario.Sha}");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull("the canary is uninstalled after stable routes back to itself");
    }

    [Fact]
    public async Task DeployProduction_IngressNginxModeSmokeFailsAtFifty_StandIn_RoutesBackToStableBeforeUninstallingTheCanary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Any(call => call.Contains("canary.weight=50 "));

        var result = await scenario.RunAsync(Stage, Confirm, Probe, IngressNginx);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(InIngressNginxMode(
        [
            .. CanaryStart, .. Handover, .. CanaryStep(10), .. CanaryStep(50)[..7], .. Diagnostics("production", ingress: true), .. RouteBackAndRemoveCanary,
        ]));
        result.Output.Should().Contain("Rolled back: the route sends every request to sovd-webapp again; sovd-webapp-canary uninstalled.");
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 7");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull();
    }

    private const string IngressNginx = "--set=traffic.provider=ingress-nginx";

    /// <summary>
    /// The same calls in ingress-nginx mode: the person's --set on every upgrade (ordered by key among the pipeline's
    /// values), the Ingress handed over and waited for, and with a live canary its split Ingress too.
    /// </summary>
    internal static string[] InIngressNginxMode(string[] calls)
    {
        var result = new List<string>();
        var live = false;
        foreach (var call in calls)
        {
            if (call.StartsWith("helm upgrade ", StringComparison.Ordinal))
            {
                live = call.Contains("canary.live=true", StringComparison.Ordinal);
                result.Add(call.Replace(PullSecret, $"{PullSecret}--set traffic.provider=ingress-nginx ", StringComparison.Ordinal)
                    .Replace("--set traffic.provider=ingress-nginx --set traffic.enabled=false", "--set traffic.enabled=false --set traffic.provider=ingress-nginx", StringComparison.Ordinal));
            }
            else if (call == RouteGet)
            {
                result.Add(RouteGet.Replace("httproute", "ingress", StringComparison.Ordinal));
                if (live)
                {
                    result.Add(RouteGet.Replace("httproute sovd-webapp", "ingress sovd-webapp-canary-split", StringComparison.Ordinal));
                }
            }
            else
            {
                result.Add(call.Replace("httproute.gateway.networking.k8s.io/", "ingress.networking.k8s.io/", StringComparison.Ordinal));
            }
        }
        return [.. result];
    }

    [Fact]
    public async Task DeployProduction_SmokeTestsFailAfterPromotion_StandIn_RollsStableBackToItsPreviousRevisionAndFails()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).Release(Route, "deployed", 4);
        // The route back to stable is the promotion's last upgrade: from then on the smoke tests fail.
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Contains(RouteUpgrade(null));

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. CanaryStep(10), .. CanaryStep(50), .. CanaryStep(100), .. Promotion[..^1],
            .. Diagnostics("production"), Rollback(Stable, 7, "production"), RouteUpgrade(null), RouteGet, Status(Canary, "production"), StateDelete,
        ]);
        result.Output.Should().Contain("Deploy-Production failed at 'after promotion: smoke tests and error-rate probe'")
            .And.Contain("Rolled back: sovd-webapp rolled back to revision 7; the route sends every request to sovd-webapp again; sovd-webapp-canary was already gone.");
    }

    [Fact]
    public async Task DeployProduction_SmokeFailsAfterPromotionInTheRolloutThatHandedTheRouteOver_StandIn_UpgradesStableBackToItsImagesWithoutARollback()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Count(call => call == RouteUpgrade(null)) >= 2;

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        // Revision 7 lists the route the route release now owns: helm could not roll back to it.
        scenario.RolloutCalls.Should().Equal(
        [
            .. HealthyRollout[..^1], .. Diagnostics("production"),
            StableUpgrade(PreviousImages), RouteUpgrade(null), RouteGet, Status(Canary, "production"), StateDelete,
        ]);
        result.Output.Should().Contain("Rolled back: sovd-webapp upgraded back to its previous images; the route sends every request to sovd-webapp again; sovd-webapp-canary was already gone.");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"backend.image.tag={ClusterStandIn.PreviousSha}");
    }

    [Fact]
    public async Task DeployProduction_CanaryRolloutStatusFails_StandIn_RemovesTheCanaryWithoutSmokeTests()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7).FailWhen("kubectl rollout status deployment/sovd-webapp-canary-frontend");

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. Handover, .. CanaryStep(10)[..4],
            .. Diagnostics("production"), Status(Canary, "production"), Uninstall(Canary, "production"), StateDelete,
        ]);
        result.Output.Should().Contain("failed at 'canary 10 %: kubectl rollout status'")
            .And.Contain("Rolled back: sovd-webapp left at revision 7 (never changed); sovd-webapp-canary uninstalled.")
            .And.Contain("deployment \"sovd-webapp-canary-frontend\" exceeded its progress deadline");
    }

    [Fact]
    public async Task DeployProduction_NoStableReleaseYet_StandIn_InstallsDirectlyWithSmokeTestsAndProbe()
    {
        using var scenario = new DeployScenario();

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls.Should().Equal(StateRead, Status(Stable, "production"), Upgrade(Stable, "production"), Status(Stable, "production"), "smoke");
        result.Output.Should().Contain("sovd-webapp is not installed yet: installing it directly, without a canary.");
    }

    [Fact]
    public async Task DeployProduction_DryRunWithoutConfirmation_StandIn_PrintsTheWholeCanaryPlanAndCallsNothing()
    {
        using var scenario = new DeployScenario();

        var result = await scenario.RunAsync(Stage, Probe, "--dryrun");

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.Cluster.Calls.Should().BeEmpty();
        scenario.App.Requests.Should().Be(0);
        File.Exists(scenario.RecordPath(Folder)).Should().BeFalse();
        var smoke = $"{DeployScenario.OnPath("bash")} {Build.Tests.Support.RepoPaths.Root}/scripts/smoke_tests.sh --api-base-url {scenario.App.BaseUrl} " +
                    $"--frontend-url {scenario.App.BaseUrl} --total-timeout 120";
        // A dry run does not know the stable release's build, so the weighted pass too expects only this commit's.
        var version = $" --expect-version {DeployScenario.Sha}";
        var probe = " --probe-requests 10 --max-error-rate 0";
        // The weighted traffic gets the smoke checks without the probe; the canary alone and the promoted release get both.
        string Line(string line, bool probed) => line switch
        {
            "smoke" => smoke + version + (probed ? probe : ""),
            "smoke canary" => $"{smoke} --header \"X-Canary: always\"{version}{probe}",
            _ => Path.Combine(scenario.Cluster.Directory, line),
        };
        DryRunLines(result, scenario).Where(line => !IsPreflightRead(line, scenario)).Should().Equal(
        [
            .. CanaryStart.Concat(Handover).Select(line => Line(line, true)),
            .. new[] { 10, 50, 100 }.SelectMany(CanaryStep).Select(line => Line(line, false)),
            .. Promotion.Select(line => Line(line, true)),
        ]);
        result.Output.Should().Contain("[dry-run] on a failed wait or smoke step, before the rollback: diagnostics into")
            .And.Contain("Cluster: context (not known in a dry run), API server (not known in a dry run), namespace production.");
        result.Output.Should().Contain("[dry-run] a real run needs --confirm=Deploy-Production")
            .And.Contain("[dry-run] on failure: route back to sovd-webapp (helm upgrade sovd-webapp-route ")
            .And.Contain("then `helm uninstall sovd-webapp-canary -n production`; after promotion began, first helm rollback sovd-webapp")
            .And.Contain("[dry-run] assuming release sovd-webapp-route is not installed");
        ShouldNotShowSecrets(result);
    }
}
