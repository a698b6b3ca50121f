using Build.Tests.Support;
using Build.Tests.Tasks.Deploy.Support;

namespace Build.Tests.Tasks.Deploy;

/// <summary>What a deploy checks before it touches anything; none of these runs writes a record.</summary>
[Trait("Tier", "process")]
public sealed class DeployPreflightTests
{
    [Fact]
    public async Task DeployProduction_HelmAndKubectlMissing_FailsNamingBothBeforeAnyCall()
    {
        using var scenario = new DeployScenario();
        using var path = PathWithout.Tools("helm", "kubectl");
        var environment = new Dictionary<string, string?>(scenario.Environment) { ["PATH"] = path.Value };

        var result = await HostRun.RunAsync(
            ["--target=Deploy-Production", "--exclusive", "--confirm=Deploy-Production", "--sha=abc", "--owner=acme", $"--smoke-url={scenario.App.BaseUrl}"],
            environment);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Production cannot start; nothing was changed:")
            .And.Contain("Missing tool 'helm': install helm")
            .And.Contain("Missing tool 'kubectl': install kubectl");
        scenario.App.Requests.Should().Be(0);
    }

    [Fact]
    public async Task DeployStaging_NoOwnerAndABadSmokeUrl_StandIn_FailsNamingBothSettingsBeforeAnyCall()
    {
        using var scenario = new DeployScenario();
        var environment = new Dictionary<string, string?>(scenario.Environment)
        {
            ["PATH"] = scenario.Cluster.PathWithStandIns,
            ["GITHUB_REPOSITORY_OWNER"] = null,
        };

        var result = await HostRun.RunAsync(
            ["--target=Deploy-Staging", "--exclusive", $"--images-file={scenario.ImagesFile}", "--smoke-url=staging.example.com"], environment);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Staging cannot start; nothing was changed:")
            .And.Contain("The smoke-test URL 'staging.example.com' is not an http(s) URL: pass --smoke-url=https://<host>")
            .And.Contain("No image owner: pass --owner=<registry namespace> (CI: GITHUB_REPOSITORY_OWNER).");
        scenario.Cluster.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task DeployProduction_BadNamespaceAndRelease_StandIn_FailsNamingBothBeforeAnyCall()
    {
        using var scenario = new DeployScenario();

        var result = await scenario.RunAsync("Deploy-Production", "--confirm=Deploy-Production", "--namespace=Bad_NS", "--release=x;rm -rf /");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Production cannot start; nothing was changed:")
            .And.Contain("--namespace='Bad_NS' is not a Kubernetes namespace name")
            .And.Contain("--release='x;rm -rf /' is not a helm release name");
        scenario.Cluster.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task DeployStaging_InGitHubActionsWithoutKubeConfigData_StandIn_FailsNamingTheSecretBeforeAnyCall()
    {
        using var scenario = new DeployScenario();
        scenario.Environment["KUBE_CONFIG_DATA"] = null;
        SimulatePushTo(scenario, "develop");

        var result = await scenario.RunAsync("Deploy-Staging");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("KUBE_CONFIG_DATA is empty in GitHub Actions: add the KUBE_CONFIG secret (base64 of a kubeconfig) to the 'staging' environment.");
        scenario.Cluster.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task DeployStaging_KubeConfigDataNotBase64_StandIn_FailsWithoutPrintingIt()
    {
        using var scenario = new DeployScenario();
        scenario.Environment["KUBE_CONFIG_DATA"] = "apiVersion: v1 # not-base64-5d2f";

        var result = await scenario.RunAsync("Deploy-Staging");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("KUBE_CONFIG_DATA is not base64").And.NotContain("not-base64-5d2f");
        scenario.Cluster.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task DeployStaging_InGitHubActionsOnAPushToMain_StandIn_IsSkippedWhichFailsTheTargetSayingWhy()
    {
        using var scenario = new DeployScenario();
        SimulatePushTo(scenario, "main");

        var result = await scenario.RunAsync("Deploy-Staging");

        // A skipped target fails the run (host semantics): a job edited to run on the wrong event stops loudly.
        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("since it was skipped: Deploy-Staging runs only on push to develop (this run: push of refs/heads/main).");
        scenario.Cluster.Calls.Should().BeEmpty();
    }

    [Fact]
    public async Task DeployStaging_ImagesJsonOfAnotherCommit_StandIn_FailsBeforeAnyCall()
    {
        using var scenario = new DeployScenario();
        scenario.WriteImagesFile(ImagesJson.Sample.Replace(DeployScenario.Sha, "feedfacefeedfacefeedfacefeedfacefeedface"));

        var result = await scenario.RunAsync("Deploy-Staging");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain($"records images of feedfacefeedfacefeedfacefeedfacefeedface but this run deploys commit {DeployScenario.Sha}");
        scenario.Cluster.Calls.Should().BeEmpty();
    }

    private static void SimulatePushTo(DeployScenario scenario, string branch)
    {
        scenario.Environment["GITHUB_ACTIONS"] = "true";
        scenario.Environment["GITHUB_EVENT_NAME"] = "push";
        scenario.Environment["GITHUB_REF"] = $"refs/heads/{branch}";
        scenario.Environment["GITHUB_STEP_SUMMARY"] = null;
    }
}
