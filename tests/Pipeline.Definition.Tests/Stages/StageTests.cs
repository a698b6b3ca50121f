using Pipeline.Definition.Stages;
using Pipeline.Definition.Tests.Support;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Stages;

public class StageTests
{
    [Theory]
    [InlineData("Deploy-Staging", "deploy-staging")]
    [InlineData("Test-E2E", "test-e2e")]
    [InlineData("Lint", "lint")]
    public void JobId_KebabCaseName_IsLowerCaseName(string name, string expected)
    {
        Fixtures.NewStage(name).JobId.Should().Be(expected);
    }

    [Fact]
    public void Defaults_NewStage_ReadsContentsAlwaysRunsAndTimesOutAfterFifteenMinutes()
    {
        var stage = new Stage("Build", "builds", PipelineStep.ImageBuild);

        stage.Permissions.Should().Be(Permissions.ReadContents);
        stage.When.Should().Be(RunCondition.Always);
        stage.TimeoutMinutes.Should().Be(15);
        stage.Duration.Should().Be(ExpectedDuration.Unknown);
        stage.Deploys.Should().BeFalse();
        stage.Releases.Should().BeFalse();
    }

    [Fact]
    public void Deploys_StageWithEnvironment_IsTrueAndReleases()
    {
        var stage = Fixtures.NewStage("Deploy-Staging") with { Environment = new DeploymentEnvironment("staging") };

        stage.Deploys.Should().BeTrue();
        stage.Releases.Should().BeTrue();
    }

    [Fact]
    public void Releases_ReleasePathStage_IsTrueWithoutDeploying()
    {
        var stage = Fixtures.NewStage("Build-Images") with { IsReleasePath = true };

        stage.Releases.Should().BeTrue();
        stage.Deploys.Should().BeFalse();
    }

    [Fact]
    public void ReadsCacheFrom_Ghcr_GetsAReadOnlyLoginAndReleasesLikeAPush()
    {
        var stage = Fixtures.NewStage("Build-Images") with { ReadsCacheFrom = ImageRegistry.Ghcr };

        stage.JobPermissions.Scopes.Should()
            .Equal(Permissions.ReadContents.With(PermissionScope.Packages, PermissionAccess.Read).Scopes);
        stage.WritesLayerCache.Should().BeFalse();
        stage.JobSecrets.Should().Equal(SecretBinding.GitHubToken);
        stage.Releases.Should().BeTrue("a job holding a registry login restores no caches");
        stage.AwsRole.Should().BeNull();
    }

    [Fact]
    public void ReadsCacheFrom_Ecr_AssumesTheRegistrysRole()
    {
        var ecr = ImageRegistry.Ecr("123456789012", "eu-central-1", "ECR_ROLE");
        var stage = Fixtures.NewStage("Build-Images") with { ReadsCacheFrom = ecr };

        stage.AwsRole.Should().Be(new AwsRole("eu-central-1", "ECR_ROLE"));
        stage.JobPermissions.Grants(PermissionScope.IdToken, PermissionAccess.Write).Should().BeTrue();
        stage.JobSecrets.Should().BeEmpty();
    }

    [Theory]
    [InlineData(PermissionScope.Packages, PermissionAccess.Write, true)]
    [InlineData(PermissionScope.Packages, PermissionAccess.Read, false)]
    [InlineData(PermissionScope.SecurityEvents, PermissionAccess.Write, false)]
    [InlineData(PermissionScope.IdToken, PermissionAccess.Write, false)]
    public void Releases_StageWithPermission_IsTrueOnlyForPackagesWrite(PermissionScope scope, PermissionAccess access, bool expected)
    {
        var stage = Fixtures.NewStage("Push-Images") with { Permissions = Permissions.ReadContents.With(scope, access) };

        stage.Releases.Should().Be(expected);
    }

    [Fact]
    public void Dependencies_StageWithNeeds_AreTheNeededStagesInOrder()
    {
        var lint = Fixtures.NewStage("Lint");
        var test = Fixtures.NewStage("Test");
        var push = Fixtures.NewStage("Push", lint, test);

        push.Dependencies.Should().Equal(lint, test);
    }

    [Fact]
    public void Releases_SovdPipeline_AreTheImageAndDeployStages()
    {
        SovdPipeline.Definition.Stages.Where(s => s.Releases).Select(s => s.Name)
            .Should().Equal("Build-Images", "Push-Images", "Deploy-Staging", "Deploy-Production");
    }
}
