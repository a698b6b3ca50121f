using Pipeline.Definition.Stages;
using Pipeline.Definition.Validation;
using Pipeline.Definition.Workflows;
using static Pipeline.Definition.Tests.Support.Fixtures;

namespace Pipeline.Definition.Tests.Validation;

/// <summary>
/// No job that runs a pull request's code can write to the image registry; the publisher writes the cache.
/// </summary>
public class RegistryWriteTests
{
    private static readonly Triggers PushesAndPullRequests =
        new() { Push = BranchFilter.For("main"), PullRequest = BranchFilter.For("main") };

    private static readonly Stage CacheReader =
        NewStage("Build-Images") with { ReadsCacheFrom = ImageRegistry.Ghcr, IsReleasePath = true };

    private static readonly Stage Publisher = NewStage("Push-Images", CacheReader) with
    {
        PushesTo = ImageRegistry.Ghcr,
        When = RunCondition.OnPush,
    };

    [Fact]
    public void Validate_CacheReaderOnPullRequestsAndPublisherOnPush_ReturnsNoErrors()
    {
        var pipeline = PipelineOf(CacheReader, Publisher) with { Triggers = PushesAndPullRequests };

        PipelineValidator.Validate(pipeline).Texts().Should().BeEmpty();
        CacheReader.JobPermissions.Grants(PermissionScope.Packages, PermissionAccess.Write).Should().BeFalse();
        CacheReader.JobPermissions.Grants(PermissionScope.Packages, PermissionAccess.Read).Should().BeTrue();
    }

    [Fact]
    public void Validate_PublisherThatAlsoRunsOnPullRequests_ReportsThePullRequestWriteToken()
    {
        var everyEvent = Publisher with { When = RunCondition.Always };
        var pipeline = PipelineOf(CacheReader, everyEvent) with { Triggers = PushesAndPullRequests };

        PipelineValidator.Validate(pipeline).Texts().Should().ContainSingle()
            .Which.Should().StartWith("Stage 'Push-Images': it runs on pull requests and can write")
            .And.Contain("[pr-write-token]");
    }

    [Fact]
    public void Validate_PackagesWriteGrantedByHandOnAPullRequestStage_ReportsThePullRequestWriteToken()
    {
        var writer = NewStage("Build-Images") with
        {
            Permissions = Permissions.ReadContents.With(PermissionScope.Packages, PermissionAccess.Write),
        };

        var errors = PipelineValidator.Validate(PipelineOf(writer) with { Triggers = PushesAndPullRequests });

        errors.Texts().Should().ContainSingle().Which.Should().Contain("[pr-write-token]");
    }

    [Fact]
    public void Validate_PackagesWriteWithoutPullRequestTrigger_ReturnsNoErrors()
    {
        var writer = NewStage("Push-Images") with { PushesTo = ImageRegistry.Ghcr };

        PipelineValidator.Validate(PipelineOf(writer)).Texts().Should().BeEmpty("no pull request ever runs it");
    }

    [Fact]
    public void Validate_CacheReaderWithoutAPublisherToTheSameRegistry_NamesTheMissingWriter()
    {
        var ecr = ImageRegistry.Ecr("123456789012", "eu-central-1", "ECR_ROLE");
        var pipeline = PipelineOf(CacheReader, Publisher with { PushesTo = ecr });

        PipelineValidator.Validate(pipeline).Texts().Should().Equal(
            "Stage 'Build-Images': it reads the layer cache in ghcr.io, which no stage writes: give the stage that " +
            "pushes the images (PushesTo) that registry.");
    }

    [Fact]
    public void SovdPipeline_PushImagesIsTheOnlyRegistryWriterAndRunsOnlyOnPushes()
    {
        var writers = SovdPipeline.Definition.Stages
            .Where(stage => stage.WritesLayerCache
                || stage.JobPermissions.Grants(PermissionScope.Packages, PermissionAccess.Write))
            .ToList();

        writers.Should().Equal(SovdPipeline.PushImages);
        SovdPipeline.PushImages.When.Matches(TriggerEvent.PullRequestInto("main")).Should().BeFalse();
        SovdPipeline.BuildImages.ReadsCacheFrom.Should().Be(SovdPipeline.PushImages.PushesTo);
        SovdPipeline.BuildImages.Releases.Should().BeTrue("it builds the release images: it restores no caches");
    }
}
