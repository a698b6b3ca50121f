using Pipeline.Definition.Stages;
using Pipeline.Definition.Validation;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Validation;

public sealed class DeployTimeBudgetTests
{
    // Whole minutes, different from the definition's, so the sums below are easy to follow.
    private static readonly DeployTimeouts Bounds = new()
    {
        HelmWait = TimeSpan.FromMinutes(3),
        RolloutWait = TimeSpan.FromMinutes(2),
        SmokeBound = TimeSpan.FromMinutes(1),
        ClusterCall = TimeSpan.FromMinutes(1),
        Preflight = TimeSpan.FromMinutes(1),
        Diagnostics = TimeSpan.FromMinutes(2),
        JobSetup = TimeSpan.FromMinutes(4),
        Margin = TimeSpan.FromMinutes(3),
        RouteReady = TimeSpan.FromMinutes(2),
        RepairWait = TimeSpan.FromMinutes(1),
    };

    private static readonly CanaryAnalysis Analysis = new()
    {
        Bake = TimeSpan.FromMinutes(1),
        StepLimit = TimeSpan.FromMinutes(4),
        Interval = TimeSpan.FromSeconds(20),
        QueryTimeout = TimeSpan.FromSeconds(10),
        MinRequests = 20,
        MaxErrorPercent = 2,
        MaxErrorPointsOverStable = 1,
        MaxP95 = TimeSpan.FromSeconds(1),
        MaxP95Ratio = 1.5,
        P95Slack = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public void WorstCase_DirectRollout_IsUpgradeThenSmokeFailingThenRollback()
    {
        // status 1 + upgrade 3 + status 1 + smoke failing 1 + rollback 3 beats an upgrade failing (3 + atomic 3).
        DeployWorstCase.Total(Bounds).Should().Be(TimeSpan.FromMinutes(4 + 1 + 1 + 3 + 1 + 1 + 3 + 2));
        DeployWorstCase.Of(Bounds).Select(term => term.What).Should().Equal(
            "job setup", "preflight", "helm status", "helm upgrade", "helm status", "smoke tests failing", "rollback", "diagnostics");
    }

    [Fact]
    public void WorstCase_Canary_IsEveryStepAtItsBoundThenTheLastSmokeFailingThenAFullRestore()
    {
        var canary = Bounds with { CanaryWeights = [10, 50, 100] };

        // Setup 4, preflight 1, the repair of an interrupted rollout 13 (eight quick calls, four helm calls under
        // RepairWait 1 and the route wait cut to it), three statuses and stable's values 1 each, the route's handover 6
        // (annotate 1, install 3, wait 2). Each weight: state 1 + canary upgrade 3 + two rollouts 4 + route upgrade 3 +
        // route wait 2 + smoke via header 1 + weighted smoke 1 = 15. Promotion: state 1 + upgrade 3 + route back 3 +
        // wait 2 + status 1 + canary removal 3; smoke failing 1; restore: stable 3, route back 3 + wait 2, canary's
        // status 1 + uninstall 3 + state 1 = 13; diagnostics 2.
        var expected = 4 + 1 + 13 + 4 + 6 + 3 * 15 + 1 + 3 + 3 + 2 + 1 + 3 + 1 + 13 + 2;
        DeployWorstCase.Total(canary).Should().Be(TimeSpan.FromMinutes(expected));
        DeployWorstCase.Of(canary).Select(term => term.What).Should().Contain("canary 50 % route upgrade").And.Contain("canary 50 % route wait").And.Contain("route back to stable").And.Contain("canary 50 % smoke via header").And.Contain("smoke after promotion failing");
    }

    [Fact]
    public void WorstCase_CanaryWithAnalysis_AddsEachStepsLimitAndOneChecksQueries()
    {
        var canary = Bounds with { CanaryWeights = [10, 50, 100] };
        var analysed = canary with { Analysis = Analysis };

        // Per weight: the port-forward's start 1 min (a cluster call) + the step limit 4 min + 6 queries of 10 s = 6 min.
        (DeployWorstCase.Total(analysed) - DeployWorstCase.Total(canary)).Should().Be(TimeSpan.FromMinutes(3 * 6));
        DeployWorstCase.Of(analysed).Select(term => term.ToString()).Should().Contain("canary 50 % analysis (bake and queries) 6 min");
    }

    [Fact]
    public void Validate_AnalysisBakingLongerThanItsLimit_NamesTheSettings()
    {
        var stage = Deploying(300, Bounds with { CanaryWeights = [10], Analysis = Analysis with { Bake = TimeSpan.FromMinutes(5) } });

        var errors = PipelineValidator.Validate(Pipeline(stage)).Select(e => e.ToString());

        errors.Should().Equal("Stage 'Deploy-Production': CanaryAnalysis.Bake 300 s is longer than its StepLimit 240 s: a step could never pass.");
    }

    [Fact]
    public void Validate_SovdPipelineProduction_HasAnAnalysisWithoutProblems()
    {
        var analysis = SovdPipeline.DeployProduction.DeployTimeouts!.Analysis;

        analysis.Should().NotBeNull();
        analysis!.Problems().Should().BeEmpty();
    }

    [Fact]
    public void Validate_ProductionWithThirtyMinutesAndFiveMinuteHelmWaits_NamesTheStageAndTheSum()
    {
        var stage = Deploying(30, Bounds with { HelmWait = TimeSpan.FromMinutes(5), CanaryWeights = [10, 50, 100] });

        var errors = PipelineValidator.Validate(Pipeline(stage)).Select(e => e.ToString()).ToList();

        errors.Should().ContainSingle().Which.Should()
            .StartWith("Stage 'Deploy-Production': its worst case is 128 min (job setup 4 min + preflight 1 min + repair of an interrupted rollout 13 min + helm status stable 1 min")
            .And.Contain("smoke after promotion failing 1 min + rollback 19 min + diagnostics 2 min), plus the margin of 3 min that is 131 min, more than its timeout-minutes 30 [deploy-time-budget]");
    }

    [Fact]
    public void Validate_DeployStageWithoutTimeouts_SaysToSetThem()
    {
        var errors = PipelineValidator.Validate(Pipeline(Deploying(30, null))).Select(e => e.ToString());

        errors.Should().Equal("Stage 'Deploy-Production': it deploys with helm but has no DeployTimeouts; set them so its worst case can be checked against timeout-minutes.");
    }

    [Fact]
    public void Validate_SovdPipelineDeployStages_FitTheirTimeoutWithTheMargin()
    {
        foreach (var stage in new[] { SovdPipeline.DeployStaging, SovdPipeline.DeployProduction })
        {
            var timeouts = stage.DeployTimeouts!;
            (DeployWorstCase.Total(timeouts) + timeouts.Margin).Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(stage.TimeoutMinutes), stage.Name);
        }
    }

    [Fact]
    public void Validate_AnalysedDeployWhoseDurationLeavesOutTheBakes_SaysToAddThem()
    {
        var stage = Deploying(300, Bounds with { CanaryWeights = [10, 50, 100], Analysis = Analysis });

        var errors = PipelineValidator.Validate(Pipeline(stage)).Select(e => e.ToString());

        // Three steps passing at the first check from the 1 min bake on (every 20 s): 3 x 1 min.
        errors.Should().Equal("Stage 'Deploy-Production': its expected duration counts 0 min of canary bakes, but its analysis bakes 3 min " +
            "[bake-in-duration]; state it as ExpectedDuration.Minutes(…).PlusBakes(<its DeployTimeouts>), so the critical path is checked " +
            "against the budget with the bakes in.");
    }

    [Fact]
    public void PassingBakes_BakeBetweenTwoChecks_RoundsUpToTheCheckThatMayPass()
    {
        var timeouts = Bounds with { CanaryWeights = [10, 50, 100], Analysis = Analysis with { Bake = TimeSpan.FromSeconds(50) } };

        // Checks at 20, 40, 60 s: the first after a 50 s bake is at 60 s.
        timeouts.PassingBakes.Should().Be(TimeSpan.FromMinutes(3));
        ExpectedDuration.Minutes(6, 5, "estimate").PlusBakes(timeouts).Should().Be(
            new ExpectedDuration(TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(8), "estimate + bakes 3 x 60 s") { Bakes = TimeSpan.FromMinutes(3) });
    }

    [Fact]
    public void Validate_SovdPipelineWithOneMinuteBakes_RefusesThePushToMainPathOverItsBudget()
    {
        var production = SovdPipeline.DeployProduction;
        var timeouts = production.DeployTimeouts! with
        {
            Analysis = production.DeployTimeouts!.Analysis! with { Bake = TimeSpan.FromMinutes(1) },
        };
        var longer = production with
        {
            DeployTimeouts = timeouts,
            Duration = ExpectedDuration.Minutes(6, 6, "estimate").PlusBakes(timeouts),
        };
        var pipeline = SovdPipeline.Definition with
        {
            Stages = [.. SovdPipeline.Definition.Stages.Select(stage => stage == production ? longer : stage)],
        };

        var errors = PipelineValidator.Validate(pipeline).Select(e => e.ToString());

        // 7.5 min before production + 6 + three bakes of 1 min = 16.5 min; the 30 s default makes it 15.0.
        errors.Should().ContainSingle().Which.Should().Be("Pipeline: the critical path for a push to main takes 16.5 min with cold " +
            "caches (Build-Images -> Test-Integration -> Push-Images -> Deploy-Production), over the budget of 15 min.");
        PipelineValidator.Validate(SovdPipeline.Definition).Should().BeEmpty();
    }

    private static Stage Deploying(int timeoutMinutes, DeployTimeouts? timeouts) =>
        new("Deploy-Production", "canary", PipelineStep.ProductionDeploy)
        {
            Environment = new DeploymentEnvironment("production", "https://sovd.example.com"),
            TimeoutMinutes = timeoutMinutes,
            DeployTimeouts = timeouts,
            Duration = ExpectedDuration.Minutes(6, 6, "test"),
        };

    private static PipelineDefinition Pipeline(Stage stage) =>
        new("CI/CD", SovdPipeline.Triggers, SovdPipeline.Settings) { Stages = [stage] };
}
