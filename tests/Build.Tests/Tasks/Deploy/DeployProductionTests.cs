using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.DeployStagingTests;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

[Collection(DeployCollection.Name)]
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
    public async Task DeployProduction_HealthyAtEveryStep_StandIn_RollsOutTenFiftyHundredThenPromotesAndRemovesTheCanary()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls.Should().Equal(
        [
            Status(Stable, "production"), Status(Canary, "production"),
            .. CanaryStep(10), .. CanaryStep(50), .. CanaryStep(100), .. Promotion,
        ]);
        var record = ReadRecord(Folder);
        record.GetProperty("outcome").GetString().Should().Be("succeeded");
        record.GetProperty("canaryRelease").GetString().Should().Be(Canary);
        record.GetProperty("revisionBefore").GetInt32().Should().Be(7);
        record.GetProperty("revision").GetInt32().Should().Be(8);
        record.GetProperty("steps").EnumerateArray().Select(step => step.GetProperty("name").GetString()).Should().Contain(
            "canary 10 %: smoke tests and error-rate probe via X-Canary: always", "canary 10 %: smoke tests and error-rate probe of the weighted traffic",
            "canary 50 %: kubectl rollout status", "canary 100 %: helm upgrade --install sovd-webapp-canary (3 pod(s) per component)",
            "promote: helm upgrade --install sovd-webapp");
        ShouldNotShowSecrets(result);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(100)]
    public async Task DeployProduction_SmokeTestsFailAtACanaryStep_StandIn_RemovesTheCanaryLeavesStableAndFails(int weight)
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Any(call => call.Contains($"canary.weight={weight} "));

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        var steps = new[] { 10, 50, 100 }.TakeWhile(w => w < weight).SelectMany(CanaryStep);
        scenario.RolloutCalls.Should().Equal(
        [
            Status(Stable, "production"), Status(Canary, "production"), .. steps, .. CanaryStep(weight)[..4],
            .. Diagnostics("production"), Status(Canary, "production"), Uninstall(Canary, "production"),
        ]);
        result.Output.Should().Contain($"Deploy-Production failed at 'canary {weight} %: smoke tests and error-rate probe via X-Canary: always'")
            .And.Contain("Rolled back: sovd-webapp left at revision 7 (never changed); sovd-webapp-canary uninstalled.");
        result.Output.Should().Contain("FAIL").And.Contain("error-rate");
        ReadRecord(Folder).GetProperty("outcome").GetString().Should().Be("rolled back");
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployProduction_SmokeTestsFailAfterPromotion_StandIn_RollsStableBackToItsPreviousRevisionAndFails()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 7);
        scenario.App.FailApiWhen = () => scenario.Cluster.Calls.Any(call => call.StartsWith($"helm upgrade --install {Stable} ", StringComparison.Ordinal));

        var result = await scenario.RunAsync(Stage, Confirm, Probe);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(
        [
            Status(Stable, "production"), Status(Canary, "production"),
            .. CanaryStep(10), .. CanaryStep(50), .. CanaryStep(100), .. Promotion,
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
            Status(Stable, "production"), Status(Canary, "production"), .. CanaryStep(10)[..3],
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
        var probe = " --probe-requests 10 --max-error-rate 1";
        string[] plan =
        [
            Status(Stable, "production"), Status(Canary, "production"),
            .. CanaryStep(10), .. CanaryStep(50), .. CanaryStep(100), .. Promotion,
        ];
        DryRunLines(result).Where(line => !IsPreflightRead(line, scenario)).Should().Equal(plan.Select(line => line switch
        {
            "smoke" => smoke + probe,
            "smoke canary" => $"{smoke} --header \"X-Canary: always\"{probe}",
            _ => Path.Combine(scenario.Cluster.Directory, line),
        }));
        result.Output.Should().Contain("[dry-run] on a failed wait or smoke step, before the rollback: diagnostics into")
            .And.Contain("Cluster: context (not known in a dry run), API server (not known in a dry run), namespace production.");
        result.Output.Should().Contain("[dry-run] a real run needs --confirm=Deploy-Production")
            .And.Contain("[dry-run] on failure before promotion: helm uninstall sovd-webapp-canary -n production");
        ShouldNotShowSecrets(result);
    }
}
