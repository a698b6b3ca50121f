using Build.Tests.Settings.Support;
using Build.Tests.Support;
using Pipeline.Definition;

namespace Build.Tests.Settings;

/// <summary>Where stages write artifacts: the repository's .artifacts, which the CI jobs upload, or --artifacts-root.</summary>
public sealed class ArtifactsRootTests
{
    [Theory]
    [InlineData]
    [InlineData("--artifacts-root=")]
    [InlineData("--artifacts-root= ")]
    public void ArtifactDirectory_WithoutAnArtifactsRoot_IsTheDefinitionsPathInTheRepository(params string[] arguments)
    {
        var context = SettingsContext.Build(arguments);

        context.ArtifactDirectory(SovdPipeline.StagingDeployment).FullPath
            .Should().Be(Path.Combine(RepoPaths.Root, SovdPipeline.StagingDeployment.Path));
    }

    [Fact]
    public void ArtifactDirectory_WithAnArtifactsRoot_KeepsTheFolderBelowThatRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "run-7");

        var context = SettingsContext.Build([$"--artifacts-root={root}"]);

        context.ArtifactDirectory(SovdPipeline.PushedImages).FullPath.Should().Be(Path.Combine(root, "push"));
        context.ArtifactDirectory(SovdPipeline.StagingDeployment).FullPath.Should().Be(Path.Combine(root, "deploy-staging"));
    }

    [Fact]
    public void ArtifactsRoot_Relative_IsTakenFromTheRepositoryRoot()
    {
        SettingsContext.Build(["--artifacts-root=.build/runs/a"]).ArtifactsRoot.FullPath
            .Should().Be(Path.Combine(RepoPaths.Root, ".build", "runs", "a"));
    }
}
