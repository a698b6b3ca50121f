using Pipeline.Definition.Stages;
using Pipeline.Definition.Tests.Support;

namespace Pipeline.Definition.Tests.Stages;

public class PipelineDefinitionTests
{
    [Fact]
    public void Targets_StagesAndLocalTargets_ListsStagesFirst()
    {
        var build = Fixtures.NewStage("Build");
        var all = new LocalTarget("All", "everything") { DependsOn = [build] };
        var pipeline = Fixtures.PipelineOf(build) with { LocalTargets = [all] };

        pipeline.Targets.Should().Equal(build, all);
        all.Dependencies.Should().Equal(build);
    }

    [Theory]
    [InlineData("deploy-staging")]
    [InlineData("DEPLOY-STAGING")]
    [InlineData("Deploy-Staging")]
    public void FindTarget_NameInAnyCase_FindsTheStage(string name)
    {
        SovdPipeline.Definition.FindTarget(name).Should().BeSameAs(SovdPipeline.DeployStaging);
    }

    [Fact]
    public void FindTarget_UnknownName_ReturnsNull()
    {
        SovdPipeline.Definition.FindTarget("Deploy-Moon").Should().BeNull();
    }

    [Fact]
    public void Stages_SovdPipeline_CoverEveryPipelineStep()
    {
        SovdPipeline.Definition.Stages.Select(s => s.Step).Distinct()
            .Should().BeEquivalentTo(Enum.GetValues<PipelineStep>());
    }
}
