using Pipeline.Definition.Stages;
using Pipeline.Definition.Tests.Support;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Stages;

public class CriticalPathTests
{
    private static readonly Stage Lint = Timed(Fixtures.NewStage("Lint"), 2);
    private static readonly Stage Build = Timed(Fixtures.NewStage("Build"), 4);
    private static readonly Stage Test = Timed(Fixtures.NewStage("Test", Lint, Build), 3);
    private static readonly Stage Push = Timed(Fixtures.NewStage("Push", Test) with { When = RunCondition.OnPush }, 1);
    private static readonly Stage Deploy = Timed(Fixtures.NewStage("Deploy", Push) with { When = RunCondition.OnPushTo("main") }, 5);
    private static readonly PipelineDefinition Pipeline = Fixtures.PipelineOf(Lint, Build, Test, Push, Deploy) with
    {
        Triggers = new Triggers { Push = BranchFilter.For("develop", "main"), PullRequest = BranchFilter.For("develop") },
    };

    [Fact]
    public void For_PushToMain_FollowsTheLongestChainOfNeeds()
    {
        var path = CriticalPath.For(Pipeline, TriggerEvent.PushTo("main"), d => d.Cold);

        path.Running.Should().Equal(Lint, Build, Test, Push, Deploy);
        path.Path.Should().Equal(Build, Test, Push, Deploy);
        path.Total.Should().Be(TimeSpan.FromMinutes(13));
    }

    [Fact]
    public void For_PullRequest_SkipsPushOnlyStagesAndTheirDependents()
    {
        var path = CriticalPath.For(Pipeline, TriggerEvent.PullRequestInto("develop"), d => d.Cold);

        path.Running.Should().Equal(Lint, Build, Test);
        path.Path.Should().Equal(Build, Test);
        path.Total.Should().Be(TimeSpan.FromMinutes(7));
    }

    [Fact]
    public void For_PushToOtherBranch_SkipsBranchOnlyStages()
    {
        CriticalPath.For(Pipeline, TriggerEvent.PushTo("develop"), d => d.Cold).Running.Should().Equal(Lint, Build, Test, Push);
    }

    [Fact]
    public void For_NoStageRuns_IsEmptyAndZero()
    {
        var pipeline = Fixtures.PipelineOf(Fixtures.NewStage("Deploy") with { When = RunCondition.OnPush });

        var path = CriticalPath.For(pipeline, TriggerEvent.PullRequestInto("main"), d => d.Cold);

        path.Running.Should().BeEmpty();
        path.Path.Should().BeEmpty();
        path.Total.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Sequential_RunningStages_AddUp()
    {
        CriticalPath.For(Pipeline, TriggerEvent.PushTo("main"), d => d.Cold).Sequential(d => d.Cold)
            .Should().Be(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void EventsOf_Triggers_PushBranchesThenPullRequestIntoTheFirstBranch()
    {
        CriticalPath.EventsOf(Pipeline).Select(e => e.ToString())
            .Should().Equal("push to develop", "push to main", "pull request into develop");
    }

    private static Stage Timed(Stage stage, double minutes) =>
        stage with { Duration = ExpectedDuration.Minutes(minutes, minutes, "test") };
}
