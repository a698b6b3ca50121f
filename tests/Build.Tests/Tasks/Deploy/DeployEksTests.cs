using Build.Tests.Support;
using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>Deploys to EKS: the AWS CLI (a stand-in in its real output formats) checks the identity and writes the kubeconfig.</summary>
[Trait("Tier", "process")]
public sealed class DeployEksTests
{
    private const string Cluster = "sovd-staging";
    private static readonly string[] Eks = [$"--eks-cluster={Cluster}", $"--aws-region={AwsCliStandIn.Region}"];

    [Fact]
    public async Task DeployStaging_EksCluster_AwsCliStandIn_ChecksIdentityWritesAPrivateKubeconfigAndHandsItToHelm()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.WithAws().Release(Stable, "deployed", 2);
        scenario.Environment["RUNNER_TEMP"] = scenario.Cluster.Directory;

        var result = await scenario.RunAsync("Deploy-Staging", Eks);

        result.ExitCode.Should().Be(0, result.ToString());
        var calls = scenario.RolloutCalls;
        calls[0].Should().Be($"aws sts get-caller-identity --region {AwsCliStandIn.Region} --output json");
        calls[1].Should().MatchRegex($"^aws eks update-kubeconfig --name {Cluster} --kubeconfig \\S+/config --region {AwsCliStandIn.Region}$");
        calls.Skip(2).Should().Equal(Status(Stable, "staging"), GetValues(Stable, "staging"), Upgrade(Stable, "staging"), Status(Stable, "staging"), "smoke");
        var kubeconfig = calls[1].Split(' ')[6];
        scenario.Cluster.KubeConfigSeen.Select(line => line.Split(' ')[0]).Should()
            .HaveCount(scenario.ToolCalls.Count(call => !call.StartsWith("aws ", StringComparison.Ordinal)), "every helm and kubectl call gets it")
            .And.OnlyContain(path => path == kubeconfig);
        kubeconfig.Should().StartWith(scenario.Cluster.Directory, "RUNNER_TEMP holds it");
        File.Exists(kubeconfig).Should().BeFalse("the kubeconfig and its folder go when the stage ends");
        Directory.Exists(Path.GetDirectoryName(kubeconfig)).Should().BeFalse();
        result.Output.Should().Contain($"AWS identity for the EKS cluster {Cluster} ({AwsCliStandIn.Region}): {AwsCliStandIn.Arn}")
            .And.Contain($"Added new context {AwsCliStandIn.ClusterArn(Cluster)} to {kubeconfig}")
            .And.Contain($"(kubeconfig of the EKS cluster {Cluster} ({AwsCliStandIn.Region})");
        DeployStagingTests.ShouldNotShowSecrets(result);
    }

    [Fact]
    public async Task DeployStaging_EksInGitHubActionsWithoutKubeConfigData_AwsCliStandIn_NeedsNoKubeconfigSecret()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.WithAws().Release(Stable, "deployed", 2);
        scenario.Environment["KUBE_CONFIG_DATA"] = null;
        scenario.Environment["GITHUB_ACTIONS"] = "true";
        scenario.Environment["GITHUB_EVENT_NAME"] = "push";
        scenario.Environment["GITHUB_REF"] = "refs/heads/develop";
        scenario.Environment["GITHUB_STEP_SUMMARY"] = null;
        // configure-aws-credentials exports the region; the cluster name comes from the argument here.
        scenario.Environment["AWS_REGION"] = AwsCliStandIn.Region;

        var result = await scenario.RunAsync("Deploy-Staging", $"--eks-cluster={Cluster}");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().NotContain("KUBE_CONFIG_DATA is empty");
        scenario.ToolCalls[1].Should().StartWith($"aws eks update-kubeconfig --name {Cluster} ").And.EndWith($"--region {AwsCliStandIn.Region}");
    }

    [Fact]
    public async Task DeployStaging_EksWithEcrImagesJson_AwsCliStandIn_DeploysTheEcrDigestsWithoutAnOwner()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.WithAws().Release(Stable, "deployed", 2);
        var ecr = $"{AwsCliStandIn.Account}.dkr.ecr.{AwsCliStandIn.Region}.amazonaws.com";
        scenario.WriteImagesFile(ImagesJson.Sample.Replace("ghcr.io/acme", ecr, StringComparison.Ordinal));

        var result = await scenario.RunAsync("Deploy-Staging", [.. Eks, $"--registry={ecr}"]);

        result.ExitCode.Should().Be(0, result.ToString());
        var expectedImages = ImagesJson.SetValues.Replace("global.imageOwner=acme", "global.imageOwner=", StringComparison.Ordinal)
            .Replace("global.imageRegistry=ghcr.io", $"global.imageRegistry={ecr}", StringComparison.Ordinal);
        // ECR needs no pull secret: EKS nodes pull with their own IAM role.
        scenario.RolloutCalls[4].Should().Be(Upgrade(Stable, "staging", images: expectedImages).Replace(PullSecret, "", StringComparison.Ordinal));
        scenario.ReadRecord("deploy-staging").GetProperty("images").GetProperty("backend").GetString().Should().Be($"{ecr}/sovd-backend@{ImagesJson.BackendDigest}");
    }

    [Fact]
    public async Task DeployStaging_EksWithoutAwsCredentials_AwsCliStandIn_FailsNamingTheOidcSetUpBeforeAnyClusterCall()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.WithAws().Release(Stable, "deployed", 2).FailWhen("aws sts get-caller-identity");

        var result = await scenario.RunAsync("Deploy-Staging", Eks);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Deploy-Staging cannot start; nothing was changed:")
            .And.Contain($"No AWS credentials for the EKS cluster {Cluster} ({AwsCliStandIn.Region})")
            .And.Contain("id-token: write and the 'Assume the AWS role' step");
        scenario.ToolCalls.Should().Equal($"aws sts get-caller-identity --region {AwsCliStandIn.Region} --output json");
    }

    [Fact]
    public async Task DeployStaging_EksDescribeClusterDenied_AwsCliStandIn_FailsNamingThePermissionAndLeavesNoKubeconfig()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.WithAws().Release(Stable, "deployed", 2).FailWhen("aws eks update-kubeconfig");
        scenario.Environment["RUNNER_TEMP"] = scenario.Cluster.Directory;

        var result = await scenario.RunAsync("Deploy-Staging", Eks);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain($"No kubeconfig for the EKS cluster {Cluster} ({AwsCliStandIn.Region})").And.Contain("eks:DescribeCluster");
        scenario.ToolCalls.Should().HaveCount(2).And.OnlyContain(call => call.StartsWith("aws ", StringComparison.Ordinal));
        Directory.GetDirectories(scenario.Cluster.Directory, "sovd-kubeconfig-*").Should().BeEmpty();
    }

    [Fact]
    public async Task DeployStaging_EksClusterWithoutRegion_FailsNamingTheRegionSettingBeforeAnyCall()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.WithAws();
        scenario.Environment["AWS_REGION"] = null;

        var result = await scenario.RunAsync("Deploy-Staging", $"--eks-cluster={Cluster}");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain($"The EKS cluster {Cluster} needs its AWS region: pass --aws-region=<code, e.g. eu-central-1> or set AWS_REGION.");
        scenario.ToolCalls.Should().BeEmpty();
    }

    [Fact]
    public async Task DeployStaging_EksWithoutTheAwsCli_FailsNamingTheToolBeforeAnyCall()
    {
        using var scenario = new DeployScenario();
        using var path = PathWithout.Tools("aws");
        var environment = new Dictionary<string, string?>(scenario.Environment) { ["PATH"] = $"{scenario.Cluster.Directory}:{path.Value}" };

        var result = await HostRun.RunAsync(
            ["--target=Deploy-Staging", "--exclusive", $"--sha={DeployScenario.Sha}", "--owner=acme", $"--smoke-url={scenario.App.BaseUrl}",
             $"--images-file={scenario.ImagesFile}", scenario.ArtifactsArgument, .. Eks],
            environment);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("Missing tool 'aws': install the AWS CLI v2");
        scenario.ToolCalls.Should().BeEmpty();
    }

    [Fact]
    public async Task DeployProduction_KubectlThreeMinorsFromTheCluster_StandIn_WarnsBeforeTheRolloutAndGoesOn()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.ServerVersion("32+", "v1.32.9-eks-113cf36");

        var result = await scenario.RunAsync("Deploy-Production", "--confirm=Deploy-Production");

        result.ExitCode.Should().Be(0, result.ToString());
        scenario.ToolCalls[0].Should().Be(KubectlVersion);
        result.Output.Should().Contain("kubectl v1.35.2 is 3 minor versions away from the cluster's v1.32.9-eks-113cf36: kubectl supports one minor version either way; use kubectl 1.32");
    }

    [Fact]
    public async Task DeployProduction_KubectlWithinOneMinor_StandIn_NoWarning()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.ServerVersion("36", "v1.36.1");

        var result = await scenario.RunAsync("Deploy-Production", "--confirm=Deploy-Production");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().NotContain("minor versions away");
    }
}
