using Pipeline.Definition.Stages;
using Pipeline.Definition.Validation;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Validation;

public sealed class DeployTimeBudgetTests
{
    private static readonly DeployTimeouts Bounds = new()
    {
        HelmWait = TimeSpan.FromMinutes(4),
        RolloutWait = TimeSpan.FromMinutes(1),
        SmokeBound = TimeSpan.FromMinutes(2),
        ClusterCall = TimeSpan.FromSeconds(30),
        Preflight = TimeSpan.FromMinutes(2),
        Diagnostics = TimeSpan.FromMinutes(1),
        JobSetup = TimeSpan.FromMinutes(3),
        Margin = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public void WorstCase_DirectRollout_IsUpgradeThenSmokeFailingThenRollback()
    {
        // status 0.5 + upgrade 4 + status 0.5 + smoke failing 2 + rollback 4 beats an upgrade failing (4 + atomic 4).
        DeployWorstCase.Total(Bounds).Should().Be(TimeSpan.FromMinutes(3 + 2 + 0.5 + 4 + 0.5 + 2 + 4 + 1));
        DeployWorstCase.Of(Bounds).Select(term => term.What).Should().Equal(
            "job setup", "preflight", "helm status", "helm upgrade", "helm status", "smoke tests failing", "rollback", "diagnostics");
    }

    [Fact]
    public void WorstCase_Canary_IsEveryStepAtItsBoundThenTheLastSmokeFailingThenAFullRestore()
    {
        var canary = Bounds with { CanaryWeights = [10, 50, 100] };

        // Each weight: upgrade 4 + two rollouts 2 + smoke via header 2 + weighted smoke 2 = 10.
        // Promotion 4 + status 0.5 + canary removal 4; smoke failing 2; restore: rollback 4 + status 0.5 + uninstall 4.
        var expected = 3 + 2 + 0.5 + 0.5 + 3 * 10 + 4 + 0.5 + 4 + 2 + 8.5 + 1;
        DeployWorstCase.Total(canary).Should().Be(TimeSpan.FromMinutes(expected));
        DeployWorstCase.Of(canary).Select(term => term.What).Should().Contain("canary 50 % smoke via header").And.Contain("smoke after promotion failing");
    }

    [Fact]
    public void Validate_ProductionWithThirtyMinutesAndFiveMinuteHelmWaits_NamesTheStageAndTheSum()
    {
        var stage = Deploying(30, Bounds with { HelmWait = TimeSpan.FromMinutes(5), CanaryWeights = [10, 50, 100] });

        var errors = PipelineValidator.Validate(Pipeline(stage)).Select(e => e.ToString()).ToList();

        errors.Should().ContainSingle().Which.Should()
            .StartWith("Stage 'Deploy-Production': its worst case is 63 min (job setup 3 min + preflight 2 min + helm status stable 0.5 min")
            .And.Contain("smoke after promotion failing 2 min + rollback 10.5 min + diagnostics 1 min), plus the margin of 5 min that is 68 min, more than its timeout-minutes 30 [deploy-time-budget]");
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

    private static Stage Deploying(int timeoutMinutes, DeployTimeouts? timeouts) =>
        new("Deploy-Production", "canary", PipelineStep.DeployProduction)
        {
            Environment = new DeploymentEnvironment("production", "https://sovd.example.com"),
            TimeoutMinutes = timeoutMinutes,
            DeployTimeouts = timeouts,
            Duration = ExpectedDuration.Minutes(6, 6, "test"),
        };

    private static PipelineDefinition Pipeline(Stage stage) =>
        new("CI/CD", SovdPipeline.Triggers, SovdPipeline.Settings) { Stages = [stage] };
}
