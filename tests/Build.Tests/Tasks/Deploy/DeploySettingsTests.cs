using Build.Deploy;
using Build.Tests.Settings.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The deploy stages' settings built in-process from given arguments and variables: the values, and the same errors
/// <c>DeployPreflightTests</c> asserts through the host.
/// </summary>
public sealed class DeploySettingsTests
{
    [Fact]
    public void From_NoOwnerAndABadSmokeUrl_NamesBothSettings()
    {
        var settings = Staging(["--images-file=/nonexistent/images.json", "--smoke-url=staging.example.com", "--sha=abc1234"]);

        settings.Problems.Should().Contain("No image owner: pass --owner=<registry namespace> (CI: GITHUB_REPOSITORY_OWNER).")
            .And.Contain(problem => problem.StartsWith("The smoke-test URL 'staging.example.com' is not an http(s) URL: pass --smoke-url=https://<host>", StringComparison.Ordinal));
    }

    [Fact]
    public void From_OwnerFromTheVariable_IsLowerCase()
    {
        var settings = Staging(["--sha=abc1234"], new() { ["GITHUB_REPOSITORY_OWNER"] = "Acme" });

        settings.Images.Owner.Should().Be("acme");
        settings.Images.Sha.Should().Be("abc1234");
        settings.Release.Name.Should().Be("sovd-webapp");
        settings.Release.CanaryName.Should().Be("sovd-webapp-canary");
        settings.Release.Namespace.Should().Be("staging");
    }

    [Fact]
    public void From_InGitHubActionsWithoutKubeConfigData_NamesTheSecret()
    {
        var settings = Staging(["--sha=abc1234", "--owner=acme"], new() { ["GITHUB_ACTIONS"] = "true" });

        settings.Problems.Should().Contain("KUBE_CONFIG_DATA is empty in GitHub Actions: add the KUBE_CONFIG secret (base64 of a kubeconfig) to the 'staging' environment.");
    }

    [Fact]
    public void From_CreatePullSecretWithoutToken_SaysWhereTheTokenGoes()
    {
        var settings = Staging(["--sha=abc1234", "--owner=acme", "--create-pull-secret", "--image-pull-secret= ", "--set=novalue"]);

        settings.Problems.Should().Contain("--create-pull-secret needs a secret name: pass --image-pull-secret=<name>.")
            .And.Contain("--create-pull-secret needs the registry token in REGISTRY_PULL_TOKEN (a token that may read the packages; never on the command line).")
            .And.Contain("--set=novalue is not key=value: write it like helm's --set, e.g. --set=traffic.host=sovd.local.");
    }

    [Fact]
    public void From_NamespaceNotADns1123Label_NamesTheSetting()
    {
        var settings = Staging(["--sha=abc1234", "--owner=acme", "--namespace=Bad_NS"]);

        settings.Problems.Should().Contain(
            "--namespace='Bad_NS' is not a Kubernetes namespace name: a DNS-1123 label of at most 63 lower-case letters, digits and '-', " +
            "starting and ending with a letter or digit (e.g. production).");
    }

    [Fact]
    public void From_ReleaseWithShellCharacters_NamesHelmsRule()
    {
        var settings = Staging(["--sha=abc1234", "--owner=acme", "--release=x;rm -rf /"]);

        settings.Problems.Should().Contain(
            "--release='x;rm -rf /' is not a helm release name: helm accepts at most 53 characters matching " +
            @"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ (lower-case letters, digits, '-' and '.'), e.g. sovd-webapp.");
    }

    [Fact]
    public void From_ReleaseWhoseCanaryNameIsTooLong_NamesTheCanaryRelease()
    {
        var release = new string('a', 50);

        var settings = Staging(["--sha=abc1234", "--owner=acme", $"--release={release}"]);

        settings.Problems.Should().ContainSingle(problem => problem.Contains("is not a helm release name", StringComparison.Ordinal))
            .Which.Should().StartWith($"the canary release '{release}-canary' (--release plus -canary) is not a helm release name");
    }

    [Theory]
    [InlineData("production", "sovd-webapp")]
    [InlineData("a", "my.release-2")]
    public void From_ValidNames_NoNameProblem(string ns, string release)
    {
        var settings = Staging(["--sha=abc1234", "--owner=acme", $"--namespace={ns}", $"--release={release}"]);

        settings.Problems.Should().NotContain(problem => problem.Contains("name", StringComparison.Ordinal) && problem.StartsWith("--", StringComparison.Ordinal));
    }

    private static DeploySettings Staging(string[] arguments, Dictionary<string, string>? variables = null) =>
        DeploySettings.From(SettingsContext.Build(arguments, variables), SovdPipeline.DeployStaging, defaultProbeRequests: 0);
}
