using Build.Rehearsal;
using Pipeline.Definition;
using Pipeline.Definition.Generation;
using Pipeline.Definition.Stages;

namespace Build.Tests.Rehearsal;

/// <summary>The rehearsal picks the jobs GitHub would start, from the definition's own conditions.</summary>
public sealed class JobPlanTests
{
    public static TheoryData<string> Events => [.. RehearsalEvent.ValidFor(SovdPipeline.Definition).Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Events))]
    public void For_EachEvent_RunsTheJobsTheWorkflowRuns(string eventName)
    {
        var rehearsed = RehearsalEvent.Parse(eventName, SovdPipeline.Definition);

        var selected = JobPlan.For(SovdPipeline.Definition, rehearsed.Trigger, scope: null, hasCluster: true).Where(job => job.Runs).Select(job => job.Stage.JobId);

        selected.Should().Equal(WorkflowJobsFor(rehearsed.Trigger));
    }

    [Fact]
    public void Events_SovdPipeline_AreTheTriggersOfTheWorkflow()
    {
        RehearsalEvent.ValidFor(SovdPipeline.Definition).Select(e => e.Name).Should().Equal("push:develop", "push:main", "pull_request");
    }

    [Fact]
    public void Parse_UnknownEvent_ListsTheValidOnes()
    {
        var act = () => RehearsalEvent.Parse("push:feature", SovdPipeline.Definition);

        act.Should().Throw<RehearsalException>().WithMessage(
            "Unknown event 'push:feature': the definition's triggers give push:develop, push:main, pull_request (--event=<one of them>).");
    }

    [Fact]
    public void For_DevelopPushWithoutCluster_SkipsDeploysWithTheReasonAndKeepsPushAfterUnrehearsedNeeds()
    {
        var scope = new HashSet<Stage> { SovdPipeline.BuildImages, SovdPipeline.PushImages, SovdPipeline.DeployStaging };

        var plan = JobPlan.For(SovdPipeline.Definition, TriggerEvent.PushTo("develop"), scope, hasCluster: false).ToDictionary(job => job.Stage);

        plan[SovdPipeline.PushImages].Runs.Should().BeTrue("needs outside the rehearsal count as passed");
        plan[SovdPipeline.DeployStaging].SkipReason.Should().Be("deploys to staging: no cluster given (--cluster=<kube-context> runs it)");
        plan[SovdPipeline.DeployProduction].SkipReason.Should().Be("if: github.event_name == 'push' && github.ref == 'refs/heads/main' is false for a push to develop");
        plan[SovdPipeline.LintBackend].SkipReason.Should().Be(JobPlan.OutOfScope);
    }

    [Fact]
    public void GitHubVariables_PullRequest_NameTheEventAndBaseBranch()
    {
        var pullRequest = RehearsalEvent.Parse("pull_request", SovdPipeline.Definition);

        var variables = pullRequest.GitHubVariables("abc1234", "repo", "lint-backend", "/w");

        variables.Should().Contain("GITHUB_EVENT_NAME", "pull_request").And.Contain("GITHUB_BASE_REF", "develop")
            .And.Contain("CI", "true").And.Contain("GITHUB_SHA", "abc1234").And.NotContainKey("GITHUB_ACTIONS");
    }

    /// <summary>
    /// The jobs of the generated workflow (the committed one matches it: DriftCheckTests) that run for
    /// <paramref name="trigger"/>: their <c>if:</c> evaluated as GitHub does for the two forms the generator writes, and
    /// every job in <c>needs:</c> running.
    /// </summary>
    private static List<string> WorkflowJobsFor(TriggerEvent trigger)
    {
        var running = new List<string>();
        foreach (var job in WorkflowGenerator.Generate(SovdPipeline.Definition).Jobs)
        {
            if (Holds(job.If, trigger) && job.Needs.All(need => running.Contains(need.Id)))
            {
                running.Add(job.Id);
            }
        }

        return running;
    }

    private static bool Holds(string? condition, TriggerEvent trigger)
    {
        if (condition is null)
        {
            return true;
        }

        var context = new Dictionary<string, string>
        {
            ["github.event_name"] = trigger.IsPush ? "push" : "pull_request",
            ["github.ref"] = trigger.IsPush ? $"refs/heads/{trigger.Branch}" : "refs/pull/1/merge",
        };
        return condition.Split("&&").All(term =>
        {
            var sides = term.Split("==");
            sides.Should().HaveCount(2, $"the generator writes only comparisons joined by && (got '{condition}')");
            return context[sides[0].Trim()] == sides[1].Trim().Trim('\'');
        });
    }
}
