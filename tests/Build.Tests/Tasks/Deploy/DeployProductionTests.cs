using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.DeployStagingTests;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

[Collection(DeployCollection.Name)]
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
    public async Task DeployProduction_HealthyAtEveryStep_StandIn_RollsOutTenFiftyHundredThenPromotesAndRemovesTheCanary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. CanaryStep(10), .. CanaryStep(50), .. CanaryStep(100), .. Promotion,
        ]);
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 12", "three weight steps, promotion at 100 %, then the route back");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"backend.image.tag={DeployScenario.Sha}");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull();
        var record = ReadRecord(Folder);
        record.GetProperty("outcome").GetString().Should().Be("succeeded");
        record.GetProperty("canaryRelease").GetString().Should().Be(Canary);
        record.GetProperty("revisionBefore").GetInt32().Should().Be(7);
        record.GetProperty("revision").GetInt32().Should().Be(12);
        record.GetProperty("steps").EnumerateArray().Select(step => step.GetProperty("name").GetString()).Should().Contain(
            "canary 10 %: smoke tests and error-rate probe via X-Canary: always", "canary 10 %: smoke tests of the weighted traffic",
            "canary 50 %: kubectl rollout status", "canary 100 %: helm upgrade --install sovd-webapp-canary (pods sized by the chart)",
            "canary 100 %: route 100 % and the header: helm upgrade sovd-webapp (its current images)",
            "promote: helm upgrade sovd-webapp (new images, traffic still on the canary)", "promote: route back to sovd-webapp");
        ShouldNotShowSecrets(result);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(100)]
    public async Task DeployProduction_SmokeTestsFailAtACanaryStep_StandIn_RollsStableBackThenRemovesTheCanaryAndFails(int weight)
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Any(call => call.Contains($"canary.weight={weight} "));

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        var steps = new[] { 10, 50, 100 }.TakeWhile(w => w < weight).SelectMany(CanaryStep);
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. steps, .. CanaryStep(weight)[..5],
            .. Diagnostics("production"), Rollback(Stable, 7, "production"), Status(Canary, "production"), Uninstall(Canary, "production"),
        ]);
        result.Output.Should().Contain($"Deploy-Production failed at 'canary {weight} %: smoke tests and error-rate probe via X-Canary: always'")
            .And.Contain("Rolled back: sovd-webapp rolled back to revision 7; sovd-webapp-canary uninstalled.");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"backend.image.tag={ClusterStandIn.PreviousSha}", "revision 7's values are back");
        result.Output.Should().Contain("FAIL").And.Contain("error-rate");
        ReadRecord(Folder).GetProperty("outcome").GetString().Should().Be("rolled back");
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployProduction_IngressNginxMode_StandIn_RoutesEachStepThroughStableThenPromotesAndRemovesTheCanary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, Confirm, Probe, IngressNginx);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls.Should().Equal(InIngressNginxMode(
        [
            .. CanaryStart, .. CanaryStep(10), .. CanaryStep(50), .. CanaryStep(100), .. Promotion,
        ]));
        scenario.PreflightCalls.Should().Contain("kubectl get secret sovd-production-tls -o name --ignore-not-found -n production",
            "ingress-nginx mode serves the Ingress's TLS secret");
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 12");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"frontend.image.tag={DeployScenario.Sha}");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull("the canary is uninstalled after stable routes back to itself");
    }

    [Fact]
    public async Task DeployProduction_IngressNginxModeSmokeFailsAtFifty_StandIn_RollsStableBackBeforeUninstallingTheCanary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Any(call => call.Contains("canary.weight=50 "));

        var result = await scenario.RunAsync(Stage, Confirm, Probe, IngressNginx);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(InIngressNginxMode(
        [
            .. CanaryStart, .. CanaryStep(10), .. CanaryStep(50)[..5],
            .. Diagnostics("production"), Rollback(Stable, 7, "production"), Status(Canary, "production"), Uninstall(Canary, "production"),
        ]));
        result.Output.Should().Contain("Rolled back: sovd-webapp rolled back to revision 7; sovd-webapp-canary uninstalled.");
        scenario.Cluster.ReleaseValues(Stable).Should().Contain($"backend.image.tag={ClusterStandIn.PreviousSha}");
        scenario.Cluster.ReleaseState(Canary).Should().BeNull();
    }

    private const string IngressNginx = "--set=traffic.provider=ingress-nginx";

    /// <summary>The same calls with the person's --set on every upgrade (after the pipeline's own values, ordered by key).</summary>
    private static string[] InIngressNginxMode(string[] calls) => calls.Select(call => call.StartsWith("helm upgrade ", StringComparison.Ordinal)
        ? call.Replace(PullSecret, $"{PullSecret}--set traffic.provider=ingress-nginx ", StringComparison.Ordinal)
        : call).ToArray();

    [Fact]
    public async Task DeployProduction_SmokeTestsFailAfterPromotion_StandIn_RollsStableBackToItsPreviousRevisionAndFails()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        // The route back to stable is the promotion's last upgrade: from then on the smoke tests fail.
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Contains(Upgrade(Stable, "production"));

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(
        [
            .. CanaryStart, .. CanaryStep(10), .. CanaryStep(50), .. CanaryStep(100), .. Promotion,
            .. Diagnostics("production"), Rollback(Stable, 7, "production"), Status(Canary, "production"),
        ]);
        result.Output.Should().Contain("Deploy-Production failed at 'after promotion: smoke tests and error-rate probe'")
            .And.Contain("Rolled back: sovd-webapp rolled back to revision 7; sovd-webapp-canary was already gone.");
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
            .. CanaryStart, .. CanaryStep(10)[..3],
            .. Diagnostics("production"), Status(Canary, "production"), Uninstall(Canary, "production"),
        ]);
        result.Output.Should().Contain("failed at 'canary 10 %: kubectl rollout status'")
            .And.Contain("deployment \"sovd-webapp-canary-frontend\" exceeded its progress deadline");
    }

    [Fact]
    public async Task DeployProduction_NoStableReleaseYet_StandIn_InstallsDirectlyWithSmokeTestsAndProbe()
    {
        using var scenario = new DeployScenario();

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls.Should().Equal(Status(Stable, "production"), Upgrade(Stable, "production"), Status(Stable, "production"), "smoke");
        result.Output.Should().Contain("sovd-webapp is not installed yet: installing it directly, without a canary.");
    }

    [Fact]
    public async Task DeployProduction_DryRunWithoutConfirmation_StandIn_PrintsTheWholeCanaryPlanAndCallsNothing()
    {
        using var scenario = new DeployScenario();
        File.Delete(RecordPath(Folder));

        var result = await scenario.RunAsync(Stage, Probe, "--dryrun");

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.Cluster.Calls.Should().BeEmpty();
        scenario.App.Requests.Should().Be(0);
        File.Exists(RecordPath(Folder)).Should().BeFalse();
        var smoke = $"{DeployScenario.OnPath("bash")} {Build.Tests.Support.RepoPaths.Root}/scripts/smoke_tests.sh --api-base-url {scenario.App.BaseUrl} " +
                    $"--frontend-url {scenario.App.BaseUrl} --total-timeout 120";
        var probe = " --probe-requests 10 --max-error-rate 0";
        // The weighted traffic gets the smoke checks without the probe; the canary alone and the promoted release get both.
        string Line(string line, bool probed) => line switch
        {
            "smoke" => probed ? smoke + probe : smoke,
            "smoke canary" => $"{smoke} --header \"X-Canary: always\"{probe}",
            _ => Path.Combine(scenario.Cluster.Directory, line),
        };
        var steps = new[] { 10, 50, 100 }.SelectMany(weight => CanaryStep(weight).Select(line => line == Route(weight) ? Route(weight, "").TrimEnd() : line));
        DryRunLines(result).Where(line => !IsPreflightRead(line, scenario)).Should().Equal(
        [
            .. CanaryStart.Select(line => Line(line, true)), .. steps.Select(line => Line(line, false)), .. Promotion.Select(line => Line(line, true)),
        ]);
        result.Output.Should().Contain("[dry-run] on a failed wait or smoke step, before the rollback: diagnostics into")
            .And.Contain("Cluster: context (not known in a dry run), API server (not known in a dry run), namespace production.");
        result.Output.Should().Contain("[dry-run] a real run needs --confirm=Deploy-Production")
            .And.Contain("[dry-run] on failure: before any weight step changed sovd-webapp, helm uninstall sovd-webapp-canary -n production; after one, first helm rollback sovd-webapp")
            .And.Contain("[dry-run] the images sovd-webapp runs now are unknown");
        ShouldNotShowSecrets(result);
    }
}
