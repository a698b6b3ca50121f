using Pipeline.Definition.Stages;
using Pipeline.Definition.Validation;
using static Pipeline.Definition.Tests.Support.Fixtures;

namespace Pipeline.Definition.Tests.Validation;

/// <summary>A job's toolchain covers its stage: what a stage runs at a given version is set up by its job.</summary>
public class ToolCoverageTests
{
    [Fact]
    public void Validate_StageRunsNodeItsJobDoesNotSetUp_NamesTheToolAndTheRule()
    {
        var stage = NewStage("Test-Pipeline") with { Runs = [ToolUse.Node("24")] };

        PipelineValidator.Validate(PipelineOf(stage)).Texts().Should().Equal(
            "Stage 'Test-Pipeline': it runs node 24 but its job sets up no node, so the runner's default decides the result " +
            "[toolchain-coverage]; add a Toolchain that installs node 24 (e.g. Toolchain.Node or Toolchain.Script).");
    }

    [Fact]
    public void Validate_StageRunsAnotherVersionThanItsJobSetsUp_NamesBoth()
    {
        var stage = NewStage("Lint") with { Toolchains = [Toolchain.Python("3.12", "r.txt")], Runs = [ToolUse.Python("3.13")] };

        PipelineValidator.Validate(PipelineOf(stage)).Texts().Should().Equal(
            "Stage 'Lint': it runs python 3.13 but its job sets up python 3.12 [toolchain-coverage]; " +
            "set the same version in its Toolchains and its Runs.");
    }

    [Fact]
    public void Validate_VersionedRunnerTool_IsNotLeftToTheRunner()
    {
        var stage = NewStage("Images") with { Runs = [new ToolUse("docker buildx", "0.13")] };

        PipelineValidator.Validate(PipelineOf(stage)).Texts().Should().ContainSingle()
            .Which.Should().Contain("it runs docker buildx 0.13 but its job sets up no docker buildx");
    }

    [Fact]
    public void Validate_UnversionedRunnerToolsAndSetUpTools_ReturnsNoErrors()
    {
        var stage = NewStage("Images") with
        {
            Toolchains = [Toolchain.Node("24", "package-lock.json"), Toolchain.Trivy("v0.69.3")],
            Runs = [ToolUse.Node("24"), new("npm"), new("trivy"), ToolUse.Docker, ToolUse.Buildx, ToolUse.Compose],
        };

        PipelineValidator.Validate(PipelineOf(stage)).Should().BeEmpty();
    }

    [Fact]
    public void Runs_TestPipeline_SetsUpTheDefinitionsNodeNotTheRunnersDefault()
    {
        // GitHub's ubuntu-24.04 has Node 22 by default (issue #23); the host's preflight wants the definition's Node.
        var provided = SovdPipeline.TestPipeline.Toolchains.SelectMany(t => t.Provides);

        provided.Should().Contain(ToolUse.Node(SovdPipeline.NodeVersion));
        SovdPipeline.TestPipeline.Runs.Should().Contain(ToolUse.Node(SovdPipeline.NodeVersion));
    }
}
