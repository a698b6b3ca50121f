using Pipeline.Definition.Stages;
using Pipeline.Definition.Tests.Support;
using Pipeline.Definition.Validation;
using static Pipeline.Definition.Tests.Support.Fixtures;

namespace Pipeline.Definition.Tests.Validation;

public class PipelineValidatorCycleTests
{
    [Fact]
    public void With_CopyThatNeedsAStageBuiltOnTheOriginal_IsNotEqualToTheOriginal()
    {
        // Value equality includes Needs, so closing a loop with a `with` copy makes a new, different stage:
        // immutable records alone can only form a DAG.
        var build = NewStage("Build");
        var test = NewStage("Test", build);
        var buildAgain = build with { Needs = [test] };

        buildAgain.Should().NotBe(build);
        test.Needs.Should().ContainSingle().Which.Should().BeSameAs(build);
    }

    [Fact]
    public void Validate_LoopClosedByAWithCopy_ReportsAMissingStageNotACycle()
    {
        var build = NewStage("Build");
        var test = NewStage("Test", build);
        var buildAgain = build with { Needs = [test] };

        var errors = PipelineValidator.Validate(PipelineOf(test, buildAgain));

        errors.Texts().Should().Equal(
            "Stage 'Test': it needs 'Build', which is not part of the pipeline. Add that stage to the pipeline or remove the need.");
    }

    [Fact]
    public void Validate_ThreeStageLoop_ReportsTheCycleOnceAsAPathFromItsFirstName()
    {
        var ring = Loops.Ring("Test", "Deploy", "Build");

        var errors = PipelineValidator.Validate(PipelineOf(ring));

        errors.Texts().Should().Equal(
            "Stage 'Test': it needs 'Deploy', which is listed after it; list stages in the order they run.",
            "Stage 'Deploy': it needs 'Build', which is listed after it; list stages in the order they run.",
            "Stage 'Build': the needs form a cycle: Build -> Test -> Deploy -> Build.");
    }

    [Fact]
    public void Validate_StageOutsideTheLoopNeedingIt_ReportsTheLoopOnly()
    {
        var ring = Loops.Ring("Build", "Test");
        var push = NewStage("Push", ring[0]);

        var errors = PipelineValidator.Validate(PipelineOf([.. ring, push]));

        errors.Texts().Should().Equal(
            "Stage 'Build': it needs 'Test', which is listed after it; list stages in the order they run.",
            "Stage 'Build': the needs form a cycle: Build -> Test -> Build.");
    }

    [Fact]
    public void Validate_TwoSeparateLoops_ReportsEachCycle()
    {
        var first = Loops.Ring("Alpha", "Beta");
        var second = Loops.Ring("Gamma", "Delta");

        var errors = PipelineValidator.Validate(PipelineOf([.. first, .. second]))
            .Where(e => e.Message.StartsWith("the needs form a cycle", StringComparison.Ordinal));

        errors.Texts().Should().Equal(
            "Stage 'Alpha': the needs form a cycle: Alpha -> Beta -> Alpha.",
            "Stage 'Delta': the needs form a cycle: Delta -> Gamma -> Delta.");
    }

    [Fact]
    public void Validate_LoopThatDownloadsFromItself_TerminatesAndFindsTheUpload()
    {
        var reports = new Artifact("reports", ".artifacts/reports");
        var ring = Loops.Close(NewStage("Build") with { Downloads = [reports] }, NewStage("Test") with { Uploads = [reports] });

        var errors = PipelineValidator.Validate(PipelineOf(ring));

        errors.Texts().Should().Equal(
            "Stage 'Build': it needs 'Test', which is listed after it; list stages in the order they run.",
            "Stage 'Build': the needs form a cycle: Build -> Test -> Build.");
    }

    [Fact]
    public void Validate_StageNeedingItself_ReportsItOnceWithoutACycle()
    {
        var errors = PipelineValidator.Validate(PipelineOf(Loops.NeedingItself("Build")));

        errors.Texts().Should().Equal("Stage 'Build': it needs itself.");
    }

    [Fact]
    public void Validate_LoopOfLocalTargets_NamesTheTarget()
    {
        var pipeline = PipelineOf() with { LocalTargets = [.. Loops.TargetRing("Lint", "All")] };

        PipelineValidator.Validate(pipeline).Texts().Should().Equal("Target 'All': the needs form a cycle: All -> Lint -> All.");
    }
}
