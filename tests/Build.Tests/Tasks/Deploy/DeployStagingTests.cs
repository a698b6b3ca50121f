using System.Security.Cryptography;
using System.Text;
using Build.Tests.Support;
using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

[Trait("Tier", "process")]
public sealed class DeployStagingTests
{
    private const string Stage = "Deploy-Staging";
    private const string Folder = "deploy-staging";

    [Fact]
    public async Task DeployStaging_DeployedRelease_StandIn_UpgradesWithShaTagsSmokeTestsAndRecordsTheDeploy()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4);
        var summary = Path.Combine(scenario.Cluster.Directory, "step-summary.md");
        scenario.Environment["GITHUB_STEP_SUMMARY"] = summary;

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls.Should().Equal(Status(Stable, "staging"), GetValues(Stable, "staging"), Upgrade(Stable, "staging"), Status(Stable, "staging"), "smoke");
        File.ReadAllText(summary).Should().Contain("### Deploy-Staging: succeeded")
            .And.Contain("Release `sovd-webapp` in `staging`, revision 4 → 5").And.Contain("| smoke tests |");
        scenario.App.Authorizations.Should().NotBeEmpty().And.OnlyContain(header => header == $"Bearer {DeployScenario.SmokeToken}");
        var record = scenario.ReadRecord(Folder);
        record.GetProperty("outcome").GetString().Should().Be("succeeded");
        record.GetProperty("namespace").GetString().Should().Be("staging");
        record.GetProperty("revisionBefore").GetInt32().Should().Be(4);
        record.GetProperty("revision").GetInt32().Should().Be(5);
        record.GetProperty("images").GetProperty("backend").GetString().Should().Be($"ghcr.io/acme/sovd-backend:{DeployScenario.Sha}");
        record.GetProperty("steps").EnumerateArray().Select(step => step.GetProperty("name").GetString()).Should()
            .Equal("cluster preflight", $"helm status {Stable}", $"helm get values {Stable}", $"helm upgrade --install {Stable}", $"helm status {Stable}", "smoke tests");
        record.GetProperty("steps").EnumerateArray().Should().OnlyContain(step => step.GetProperty("seconds").GetDouble() >= 0);
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployStaging_KubeConfigData_StandIn_ReachesHelmAsPrivateFileThatIsDeletedAfterwards()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 1);
        scenario.Environment["RUNNER_TEMP"] = scenario.Cluster.Directory;

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().Be(0, result.ToString());
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DeployScenario.KubeConfig)));
        var seen = scenario.Cluster.KubeConfigSeen.Select(line => line.Split(' ')).ToList();
        seen.Should().HaveCount(scenario.ToolCalls.Count, "every helm and kubectl call gets the kubeconfig");
        seen.Select(fields => fields[0]).Distinct().Should().ContainSingle();
        seen.Should().OnlyContain(fields => fields[1] == "600" && fields[2] == expectedHash);
        Path.GetDirectoryName(seen[0][0]).Should().StartWith(scenario.Cluster.Directory, "RUNNER_TEMP is preferred");
        File.Exists(seen[0][0]).Should().BeFalse("the kubeconfig file is deleted when the stage ends");
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployStaging_PendingUpgradeRelease_StandIn_RefusesWithRecoveryHintAndAttemptsNoUpgrade()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "pending-upgrade", 5);

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(Status(Stable, "staging"), History(Stable, "staging"));
        result.Output.Should().Contain("Release sovd-webapp is stuck in 'pending-upgrade' (revision 5)")
            .And.Contain("`helm rollback sovd-webapp 4 -n staging`")
            .And.Contain("`helm history sovd-webapp -n staging`");
        scenario.ReadRecord(Folder).GetProperty("outcome").GetString().Should().Be("refused");
    }

    [Fact]
    public async Task DeployStaging_SmokeTestsFailAfterUpgrade_StandIn_RollsBackToThePreviousRevisionAndFails()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4);
        scenario.App.FailApiWhen = () => true;

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(
            [Status(Stable, "staging"), GetValues(Stable, "staging"), Upgrade(Stable, "staging"), Status(Stable, "staging"), "smoke", .. Diagnostics("staging"), Rollback(Stable, 4, "staging")]);
        result.Output.Should().Contain("Deploy-Staging failed at 'smoke tests'").And.Contain("Rolled back: sovd-webapp rolled back to revision 4.");
        scenario.ReadRecord(Folder).GetProperty("outcome").GetString().Should().Be("rolled back");
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployStaging_SmokeTestsFailAfterFirstInstall_StandIn_UninstallsTheReleaseAndFails()
    {
        using var scenario = new DeployScenario();
        scenario.App.FailApiWhen = () => true;

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal(
            [Status(Stable, "staging"), Upgrade(Stable, "staging"), Status(Stable, "staging"), "smoke", .. Diagnostics("staging"), Uninstall(Stable, "staging")]);
        result.Output.Should().Contain("sovd-webapp uninstalled (this deploy had installed it)");
    }

    [Fact]
    public async Task DeployStaging_HelmUpgradeFails_StandIn_FailsWithoutSmokeTestsOrAnotherRollback()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 4).FailWhen("helm upgrade");

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().NotBe(0);
        scenario.RolloutCalls.Should().Equal([Status(Stable, "staging"), GetValues(Stable, "staging"), Upgrade(Stable, "staging"), .. Diagnostics("staging")]);
        result.Output.Should().Contain("helm upgrade of sovd-webapp failed and --atomic restored its previous state")
            .And.Contain("UPGRADE FAILED: release sovd-webapp failed, and has been rolled back due to rollback-on-failure being set");
        scenario.Cluster.ReleaseState(Stable).Should().Be("deployed 6", "helm --atomic rolls a failed upgrade back as a new revision");
        scenario.ReadRecord(Folder).GetProperty("outcome").GetString().Should().Be("failed, restored by helm --atomic");
    }

    [Fact]
    public async Task DeployStaging_ImagesJsonFromPushImages_StandIn_DeploysTheRecordedDigests()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 2);
        scenario.WriteImagesFile(ImagesJson.Sample);

        var result = await scenario.RunAsync(Stage);

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.RolloutCalls[2].Should().Be(Upgrade(Stable, "staging", images: ImagesJson.SetValues));
        scenario.ReadRecord(Folder).GetProperty("images").GetProperty("frontend").GetString().Should().Be($"ghcr.io/acme/sovd-frontend@{ImagesJson.FrontendDigest}");
    }

    [Fact]
    public async Task DeployStaging_DryRun_StandIn_PrintsEveryCommandInOrderAndCallsNothing()
    {
        using var scenario = new DeployScenario();

        var result = await scenario.RunAsync(Stage, "--dryrun");

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.Cluster.Calls.Should().BeEmpty();
        scenario.App.Requests.Should().Be(0);
        File.Exists(scenario.RecordPath(Folder)).Should().BeFalse();
        var helm = Path.Combine(scenario.Cluster.Directory, "helm");
        DryRunLines(result, scenario).Where(line => !IsPreflightRead(line, scenario)).Should().Equal(
            $"{helm} status sovd-webapp -o json -n staging",
            $"{helm} get values sovd-webapp -o json -n staging",
            $"{helm} {Upgrade(Stable, "staging")["helm ".Length..]}",
            $"{helm} status sovd-webapp -o json -n staging",
            $"{DeployScenario.OnPath("bash")} {RepoPaths.Root}/scripts/smoke_tests.sh --api-base-url {scenario.App.BaseUrl} --frontend-url {scenario.App.BaseUrl} --total-timeout 120 --expect-version {DeployScenario.Sha}");
        DryRunLines(result, scenario).Should().Contain($"{Path.Combine(scenario.Cluster.Directory, "kubectl")} get namespace staging -o name --ignore-not-found");
        result.Output.Should().Contain("[dry-run] on a failed wait or smoke step, before the rollback: diagnostics into");
        ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployStaging_DryRunForALocalCluster_StandIn_SmokeTestsPinTheHostAndSendItsName()
    {
        using var scenario = new DeployScenario();

        var result = await scenario.RunAsync(Stage, "--dryrun", "--smoke-host-header=sovd.local", "--smoke-resolve=sovd.local:80:127.0.0.1");

        result.ExitCode.Should().Be(0, result.ToString());
        DryRunLines(result, scenario).Should().ContainSingle(line => line.Contains("smoke_tests.sh")).Which.Should()
            .EndWith($"--total-timeout 120 --header \"Host: sovd.local\" --resolve sovd.local:80:127.0.0.1 --expect-version {DeployScenario.Sha}");
    }

    /// <summary>The commands a dry run printed, the scenario's artifacts root shown as in its calls.</summary>
    internal static IEnumerable<string> DryRunLines(HostResult result, DeployScenario scenario) =>
        result.Output.Split('\n').Where(line => line.StartsWith("[dry-run] /", StringComparison.Ordinal))
            .Select(line => scenario.Cluster.Shown(line["[dry-run] ".Length..].Replace($" (in {RepoPaths.Root})", "")));

    /// <summary>A dry-run line of the cluster preflight's reads (the stand-in's folder stripped).</summary>
    internal static bool IsPreflightRead(string line, DeployScenario scenario) =>
        DeployScenario.IsPreflightRead(line.Replace($"{scenario.Cluster.Directory}/", ""));

    internal static void ShouldNotShowSecrets(HostResult result) =>
        result.Output.Should().NotContain(DeployScenario.KubeConfigSecret)
            .And.NotContain(DeployScenario.KubeConfigData)
            .And.NotContain(DeployScenario.SmokeToken);
}
