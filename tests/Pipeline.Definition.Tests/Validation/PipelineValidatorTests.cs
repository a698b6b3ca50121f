using Pipeline.Definition.Stages;
using Pipeline.Definition.Tests.Support;
using Pipeline.Definition.Validation;
using Pipeline.Definition.Workflows;
using static Pipeline.Definition.Tests.Support.Fixtures;

namespace Pipeline.Definition.Tests.Validation;

public class PipelineValidatorTests
{
    private const string NameRule = "the name must be words in Kebab-Case starting with a capital letter (e.g. 'Deploy-Staging').";

    [Fact]
    public void Validate_SovdPipeline_ReturnsNoErrors()
    {
        PipelineValidator.Validate(SovdPipeline.Definition).Texts().Should().BeEmpty();
    }

    [Theory]
    [InlineData("deploy-staging")]
    [InlineData("Deploy_Staging")]
    [InlineData("Deploy Staging")]
    [InlineData("Deploy--Staging")]
    [InlineData("Deploy-")]
    [InlineData("-Deploy")]
    [InlineData("")]
    public void Validate_InvalidName_ReportsTheNamingRule(string name)
    {
        var errors = PipelineValidator.Validate(PipelineOf(NewStage(name)));

        errors.Texts().Should().Equal($"Stage '{name}': {NameRule}");
    }

    [Theory]
    [InlineData("Build")]
    [InlineData("Deploy-Staging")]
    [InlineData("Test-E2E")]
    [InlineData("CI")]
    public void Validate_ValidName_ReturnsNoErrors(string name)
    {
        PipelineValidator.Validate(PipelineOf(NewStage(name))).Should().BeEmpty();
    }

    [Fact]
    public void Validate_InvalidLocalTargetName_NamesItATarget()
    {
        var pipeline = PipelineOf() with { LocalTargets = [new LocalTarget("all", "everything")] };

        PipelineValidator.Validate(pipeline).Texts().Should().Equal($"Target 'all': {NameRule}");
    }

    [Fact]
    public void Validate_TwoStagesWithOneName_ReportsDuplicateOnce()
    {
        var first = NewStage("Build");
        var second = first with { Description = "another build" };

        var errors = PipelineValidator.Validate(PipelineOf(first, second));

        errors.Texts().Should().Equal("Stage 'Build': the name is defined 2 times; target names must be unique.");
    }

    [Fact]
    public void Validate_StageAndTargetNamesDifferingInCase_ReportsDuplicate()
    {
        var pipeline = PipelineOf(NewStage("Build")) with { LocalTargets = [new LocalTarget("BUILD", "alias")] };

        PipelineValidator.Validate(pipeline).Texts()
            .Should().Equal("Stage 'Build': the name is defined 2 times; target names must be unique.");
    }

    [Fact]
    public void Validate_SameStageListedThreeTimes_ReportsDuplicateInsteadOfThrowing()
    {
        var build = NewStage("Build");

        PipelineValidator.Validate(PipelineOf(build, build, build)).Texts()
            .Should().Equal("Stage 'Build': the name is defined 3 times; target names must be unique.");
    }

    [Fact]
    public void Validate_NeedOnStageOutsideThePipeline_ReportsUnknownNeed()
    {
        var outsider = NewStage("Lint");

        var errors = PipelineValidator.Validate(PipelineOf(NewStage("Build", outsider)));

        errors.Texts().Should().Equal(
            "Stage 'Build': it needs 'Lint', which is not part of the pipeline. Add that stage to the pipeline or remove the need.");
    }

    [Fact]
    public void Validate_LocalTargetDependingOnUnknownStage_ReportsUnknownNeed()
    {
        var all = new LocalTarget("All", "everything") { DependsOn = [NewStage("Lint")] };

        var errors = PipelineValidator.Validate(PipelineOf() with { LocalTargets = [all] });

        errors.Texts().Should().Equal(
            "Target 'All': it needs 'Lint', which is not part of the pipeline. Add that stage to the pipeline or remove the need.");
    }

    [Fact]
    public void Validate_NeedListedAfterTheStage_ReportsOrder()
    {
        var lint = NewStage("Lint");

        var errors = PipelineValidator.Validate(PipelineOf(NewStage("Build", lint), lint));

        errors.Texts().Should().Equal("Stage 'Build': it needs 'Lint', which is listed after it; list stages in the order they run.");
    }

    [Fact]
    public void Validate_SecretWithoutEnvironment_ReportsSecretsOutsideEnv()
    {
        var deploy = NewStage("Deploy") with { Secrets = [new SecretBinding("KUBE_CONFIG_DATA", "KUBE_CONFIG")] };

        PipelineValidator.Validate(PipelineOf(deploy)).Texts().Should().Equal(
            "Stage 'Deploy': it uses secrets.KUBE_CONFIG but runs in no environment [secrets-outside-env]; " +
            "give the stage an Environment so the secret is scoped to it.");
    }

    [Fact]
    public void Validate_SecretInsideEnvironment_ReturnsNoErrors()
    {
        var deploy = NewStage("Deploy") with
        {
            Environment = new DeploymentEnvironment("staging"),
            Secrets = [new SecretBinding("KUBE_CONFIG_DATA", "KUBE_CONFIG")],
        };

        PipelineValidator.Validate(PipelineOf(deploy)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_RunTokenWithoutEnvironment_ReturnsNoErrors()
    {
        var push = NewStage("Push") with { Secrets = [SecretBinding.GitHubToken] };

        PipelineValidator.Validate(PipelineOf(push)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_DownloadThatOnlyASiblingUploads_ReportsMissingUpload()
    {
        var images = new Artifact("images", ".artifacts/images");
        var build = NewStage("Build") with { Uploads = [images] };
        var scan = NewStage("Scan") with { Downloads = [images] };

        PipelineValidator.Validate(PipelineOf(build, scan)).Texts()
            .Should().Equal("Stage 'Scan': it downloads 'images', which no stage it needs uploads.");
    }

    [Fact]
    public void Validate_DownloadOfArtifactWithSameNameButOtherPath_ReportsMissingUpload()
    {
        var build = NewStage("Build") with { Uploads = [new Artifact("images", ".artifacts/images")] };
        var scan = NewStage("Scan", build) with { Downloads = [new Artifact("images", ".artifacts/other-images")] };

        PipelineValidator.Validate(PipelineOf(build, scan)).Texts()
            .Should().Equal("Stage 'Scan': it downloads 'images', which no stage it needs uploads.");
    }

    [Theory]
    [InlineData("images")]
    [InlineData(".artifacts")]
    [InlineData(".artifacts/../images")]
    [InlineData("/tmp/images")]
    public void Validate_ArtifactOutsideTheArtifactsRoot_ReportsItsPathAndWhereItBelongs(string path)
    {
        var build = NewStage("Build") with { Uploads = [new Artifact("images", path)] };

        PipelineValidator.Validate(PipelineOf(build)).Texts().Should().Equal(
            $"Stage 'Build': its artifact 'images' is at '{path}', outside .artifacts/; put it in a folder below "
            + ".artifacts/, which the host's --artifacts-root relocates.");
    }

    [Fact]
    public void Validate_DownloadFromTransitiveNeed_ReturnsNoErrors()
    {
        var images = new Artifact("images", ".artifacts/images");
        var build = NewStage("Build") with { Uploads = [images] };
        var test = NewStage("Test", build);
        var push = NewStage("Push", test) with { Downloads = [images] };

        PipelineValidator.Validate(PipelineOf(build, test, push)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_StageWithoutHostTask_ReportsMissingTask()
    {
        var errors = PipelineValidator.Validate(PipelineOf(NewStage("Build"), NewStage("Deploy")), ["Build"]);

        errors.Texts().Should().Equal(
            "Stage 'Deploy': the build host has no task of this name; add a task class with [TaskName(\"Deploy\")] in build/Tasks.");
    }

    [Fact]
    public void Validate_LocalTargetWithoutHostTask_NamesItATarget()
    {
        var pipeline = PipelineOf() with { LocalTargets = [new LocalTarget("Default", "runs everything")] };

        PipelineValidator.Validate(pipeline, []).Texts().Should().Equal(
            "Target 'Default': the build host has no task of this name; add a task class with [TaskName(\"Default\")] in build/Tasks.");
    }

    [Fact]
    public void Validate_HostTasksWithoutStage_ReportsEachInOrdinalOrder()
    {
        var errors = PipelineValidator.Validate(PipelineOf(NewStage("Build")), ["Zap", "Build", "Audit"]);

        errors.Texts().Should().Equal(
            "Task 'Audit': the pipeline definition has no stage or target of this name; add it to the definition or remove the task.",
            "Task 'Zap': the pipeline definition has no stage or target of this name; add it to the definition or remove the task.");
    }

    [Fact]
    public void Validate_HostTaskInOtherCase_MatchesTheStage()
    {
        PipelineValidator.Validate(PipelineOf(NewStage("Deploy-Staging")), ["deploy-staging"]).Should().BeEmpty();
    }

    [Fact]
    public void Validate_NoHostTasksGiven_SkipsTheBindingCheck()
    {
        PipelineValidator.Validate(PipelineOf(NewStage("Build")), hostTasks: null).Should().BeEmpty();
    }

    [Fact]
    public void Validate_StageWithoutExpectedDuration_ReportsItAndSkipsTheBudget()
    {
        var slow = NewStage("Build") with { Duration = ExpectedDuration.Minutes(60, 60, "test") };
        var unknown = NewStage("Test", slow) with { Duration = ExpectedDuration.Unknown };

        PipelineValidator.Validate(PipelineOf(slow, unknown)).Texts().Should().Equal(
            "Stage 'Test': it has no expected duration; set Duration so the critical path can be checked against the budget.");
    }

    [Fact]
    public void Validate_CriticalPathOverBudget_ReportsThePathPerEvent()
    {
        var build = NewStage("Build") with { Duration = ExpectedDuration.Minutes(6, 2, "test") };
        var test = NewStage("Test", build) with { Duration = ExpectedDuration.Minutes(4.5, 1, "test") };
        var deploy = NewStage("Deploy", test) with { When = RunCondition.OnPushTo("main"), Duration = ExpectedDuration.Minutes(3, 3, "test") };
        var pipeline = PipelineOf(build, test, deploy) with
        {
            Triggers = new Triggers { Push = BranchFilter.For("main"), PullRequest = BranchFilter.For("main") },
        };

        PipelineValidator.Validate(pipeline).Texts().Should().Equal(
            "Pipeline: the critical path for a push to main takes 13.5 min with cold caches (Build -> Test -> Deploy), over the budget of 10 min.",
            "Pipeline: the critical path for a pull request into main takes 10.5 min with cold caches (Build -> Test), over the budget of 10 min.");
    }

    [Fact]
    public void Validate_CriticalPathExactlyAtBudget_ReturnsNoErrors()
    {
        var build = NewStage("Build") with { Duration = ExpectedDuration.Minutes(4, 1, "test") };
        var test = NewStage("Test", build) with { Duration = ExpectedDuration.Minutes(6, 1, "test") };

        PipelineValidator.Validate(PipelineOf(build, test)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_MisorderedNeeds_SkipsTheBudget()
    {
        var build = NewStage("Build") with { Duration = ExpectedDuration.Minutes(60, 60, "test") };
        var test = NewStage("Test", build);

        PipelineValidator.Validate(PipelineOf(test, build)).Texts().Should().Equal(
            "Stage 'Test': it needs 'Build', which is listed after it; list stages in the order they run.");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsThemAllInOneCall()
    {
        var lint = NewStage("Lint");
        var build = NewStage("build", lint);
        var deploy = NewStage("Deploy", NewStage("Outside")) with
        {
            Downloads = [new Artifact("images", ".artifacts/images")],
            Secrets = [new SecretBinding("TOKEN", "DEPLOY_TOKEN")],
        };
        var pipeline = PipelineOf(build, lint, deploy) with { LocalTargets = [new LocalTarget("LINT", "alias")] };

        var errors = PipelineValidator.Validate(pipeline, ["Lint", "Ghost"]);

        errors.Texts().Should().Equal(
            $"Stage 'build': {NameRule}",
            "Stage 'Lint': the name is defined 2 times; target names must be unique.",
            "Stage 'build': it needs 'Lint', which is listed after it; list stages in the order they run.",
            "Stage 'Deploy': it needs 'Outside', which is not part of the pipeline. Add that stage to the pipeline or remove the need.",
            "Stage 'Deploy': it uses secrets.DEPLOY_TOKEN but runs in no environment [secrets-outside-env]; give the stage an Environment so the secret is scoped to it.",
            "Stage 'Deploy': it downloads 'images', which no stage it needs uploads.",
            "Stage 'build': the build host has no task of this name; add a task class with [TaskName(\"build\")] in build/Tasks.",
            "Stage 'Deploy': the build host has no task of this name; add a task class with [TaskName(\"Deploy\")] in build/Tasks.",
            "Task 'Ghost': the pipeline definition has no stage or target of this name; add it to the definition or remove the task.");
    }
}
