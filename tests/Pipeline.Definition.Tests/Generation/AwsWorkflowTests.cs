using Pipeline.Definition.Generation;
using Pipeline.Definition.Stages;
using Pipeline.Definition.Tests.Support;
using Pipeline.Definition.Validation;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Generation;

/// <summary>The workflow when the definition chooses EKS and ECR: OIDC only where it is used, no long-lived keys.</summary>
public class AwsWorkflowTests
{
    private static readonly Workflow Generated = WorkflowGenerator.Generate(AwsPipeline.Definition);

    private static Job Job(string id) => Generated.Jobs.Single(j => j.Id == id);

    // The unit-test jobs upload coverage with their own OIDC token; no AWS role trusts it.
    private static readonly string[] CoverageJobs = [.. SovdPipeline.Definition.Stages.Where(s => s.Coverage is not null).Select(s => s.JobId)];

    [Fact]
    public void Generate_EksAndEcr_IdTokenWriteOnlyOnThePushAndDeployJobsAndTheCoverageUploads()
    {
        Generated.Jobs.Where(j => j.Steps.OfType<ActionStep>().Any(s => s.Uses == Actions.ConfigureAwsCredentials)).Select(j => j.Id)
            .Should().Equal("push-images", "deploy-staging", "deploy-production");
        Generated.Jobs.Where(j => j.Permissions.Grants(PermissionScope.IdToken, PermissionAccess.Write)).Select(j => j.Id)
            .Should().Equal(CoverageJobs.Concat(["push-images", "deploy-staging", "deploy-production"]));
        Generated.Permissions.Scopes.Should().BeEmpty();
    }

    [Fact]
    public void Generate_EcrPush_NeedsNoPackagesWriteAndNoGitHubToken()
    {
        var job = Job("push-images");

        job.Permissions.Scopes.Should().Equal(new Dictionary<PermissionScope, PermissionAccess>
        {
            [PermissionScope.Contents] = PermissionAccess.Read,
            [PermissionScope.IdToken] = PermissionAccess.Write,
        });
        job.Steps.OfType<RunStep>().Single(s => s.Name == "Run Push-Images").Env.Should().BeEmpty();
    }

    [Theory]
    [InlineData("push-images", AwsPipeline.PushRoleVariable, "900")]
    [InlineData("deploy-staging", AwsPipeline.DeployRoleVariable, "1500")]
    [InlineData("deploy-production", AwsPipeline.DeployRoleVariable, "7440")]
    public void Generate_AwsJob_AssumesTheRoleFromItsVariableForTheJobsBudgetRightBeforeTheTask(string id, string variable, string seconds)
    {
        var steps = Job(id).Steps;
        var assume = steps.OfType<ActionStep>().Should().ContainSingle(s => s.Uses == Actions.ConfigureAwsCredentials).Subject;

        // The session lasts the job's timeout-minutes (at least STS's 900 s), not the action's one-hour default.
        assume.With.Should().Equal(new Dictionary<string, string>
        {
            ["aws-region"] = AwsPipeline.Region,
            ["role-duration-seconds"] = seconds,
            ["role-to-assume"] = $"${{{{ vars.{variable} }}}}",
        });
        steps[steps.IndexOf(assume) + 1].Name.Should().StartWith("Run ", "the short-lived credentials are fetched just before the task");
        steps.SelectMany(s => s.Env.Values).Should().NotContain(value => value.Contains("AWS_SECRET_ACCESS_KEY", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("deploy-staging")]
    [InlineData("deploy-production")]
    public void Generate_EksDeploy_HandsNoKubeconfigSecret(string id)
    {
        // Production also gets the run's token, to check its environment's required reviewers.
        var expected = new Dictionary<string, string> { ["SMOKE_API_TOKEN"] = "${{ secrets.SMOKE_API_TOKEN }}" };
        if (id == "deploy-production")
        {
            expected["GITHUB_TOKEN"] = "${{ secrets.GITHUB_TOKEN }}";
        }

        Job(id).Steps.OfType<RunStep>().Single(s => s.Name.StartsWith("Run Deploy", StringComparison.Ordinal)).Env.Should().Equal(expected);
    }

    [Fact]
    public void Generate_StaticKubeconfigAndGhcr_TheDefault_HasNoIdTokenAndNoAwsStep()
    {
        var generated = WorkflowGenerator.Generate(SovdPipeline.Definition);

        generated.Jobs.Where(j => j.Permissions.Scopes.ContainsKey(PermissionScope.IdToken)).Select(j => j.Id).Should().Equal(CoverageJobs);
        generated.Jobs.SelectMany(j => j.Steps).OfType<ActionStep>().Should().NotContain(s => s.Uses == Actions.ConfigureAwsCredentials);
        SovdPipeline.DeployStaging.JobSecrets.Select(s => s.SecretName).Should().Equal("KUBE_CONFIG", "SMOKE_API_TOKEN");
        SovdPipeline.PushImages.JobPermissions.Grants(PermissionScope.Packages, PermissionAccess.Write).Should().BeTrue();
    }

    [Fact]
    public void Generate_EksAndEcr_PassesTheWorkflowRulesAndTheStagesStillRestoreNoCaches()
    {
        WorkflowValidator.Validate(Generated).Should().BeEmpty();
        PipelineValidator.Validate(AwsPipeline.Definition).Should().BeEmpty();
        AwsPipeline.Definition.Stages.Where(s => s.AwsRole is not null).Should().OnlyContain(s => s.Releases);
    }

    [Fact]
    public void EcrRegistry_Host_IsTheAccountsPrivateRegistryInTheRegion()
    {
        AwsPipeline.Ecr.Host.Should().Be("123456789012.dkr.ecr.eu-central-1.amazonaws.com");
        AwsPipeline.Ecr.NamesOwner.Should().BeFalse();
        ImageRegistry.Ghcr.Host.Should().Be("ghcr.io");
    }

    [Fact]
    public void Validate_EksWithoutAClusterForAnEnvironment_NamesTheEnvironment()
    {
        var stagingOnly = ClusterAccess.Eks(AwsPipeline.Region, AwsPipeline.DeployRoleVariable, new Dictionary<string, string> { ["staging"] = "sovd-staging" });

        var errors = PipelineValidator.Validate(AwsPipeline.With(stagingOnly, AwsPipeline.Ecr)).Texts();

        errors.Should().ContainSingle().Which.Should().Contain("Deploy-Production").And.Contain("no cluster for the environment 'production'");
    }

    [Fact]
    public void Validate_MalformedAwsNames_EachReportedWithWhatToUse()
    {
        var cluster = ClusterAccess.Eks("Frankfurt", "aws-role", new Dictionary<string, string> { ["staging"] = "a", ["production"] = "b" });

        var errors = PipelineValidator.Validate(AwsPipeline.With(cluster, ImageRegistry.Ecr("12345", AwsPipeline.Region, "ROLE"))).Texts().ToList();

        errors.Should().Contain(e => e.Contains("'Frankfurt' is not an AWS region", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("'aws-role' is not a GitHub variable name", StringComparison.Ordinal));
        errors.Should().ContainSingle(e => e.Contains("'12345' is not an AWS account ID", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AwsJobBudgetOverTwelveHours_NamesTheStageAndTheRoleMaximum()
    {
        var production = SovdPipeline.DeployProduction with { Cluster = AwsPipeline.Eks, TimeoutMinutes = 721 };
        var pipeline = AwsPipeline.Definition with
        {
            Stages = [.. AwsPipeline.Definition.Stages.Select(stage => stage.Name == production.Name ? production : stage)],
        };

        var errors = PipelineValidator.Validate(pipeline).Texts();

        errors.Should().Contain(e => e.Contains("Deploy-Production", StringComparison.Ordinal)
            && e.Contains("timeout-minutes 721 is longer than an AWS role session can last (720 min, the maximum MaxSessionDuration)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TwoDifferentDeployToolPins_IsReported()
    {
        var older = SovdPipeline.DeployTools with { Kubectl = "v1.34.5" };
        var pipeline = SovdPipeline.Definition with
        {
            Stages = [.. SovdPipeline.Definition.Stages.Select(s => s == SovdPipeline.DeployStaging ? s with { Toolchains = [Toolchain.Kubernetes(older)] } : s)],
        };

        PipelineValidator.Validate(pipeline).Texts().Should().Contain(e => e.Contains("2 different helm/kubectl sets", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_SovdPipeline_WritesTheDeployToolPinsTheInstallScriptReads()
    {
        var file = PipelineFiles.Render(SovdPipeline.Definition).Single(f => f.Path == DeployTools.File);
        var tools = SovdPipeline.DeployTools;

        file.Content.Split('\n').Should().Contain([
            $"HELM_VERSION={tools.Helm}", $"KUBECTL_VERSION={tools.Kubectl}", $"NPM_PACKAGE={tools.NpmPackage}",
            $"NPM_PACKAGE_VERSION={tools.NpmVersion}", $"HELM_SHA256={tools.HelmSha256}", $"KUBECTL_SHA256={tools.KubectlSha256}",
        ]);
        file.Content.Should().Contain($"# Source: {tools.Source}");
        tools.KubectlMinor.Should().Be("1.35");
    }
}
