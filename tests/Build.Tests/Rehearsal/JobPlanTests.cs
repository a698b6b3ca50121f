using Build.Rehearsal;
using Build.Tests.Support;
using Pipeline.Definition;
using Pipeline.Definition.Stages;
using YamlDotNet.RepresentationModel;

namespace Build.Tests.Rehearsal;

/// <summary>The rehearsal picks the jobs GitHub would start, from the definition's own conditions.</summary>
public sealed class JobPlanTests
{
    public static TheoryData<string> Events => [.. RehearsalEvent.ValidFor(SovdPipeline.Definition).Select(e => e.Name)];

    [Theory]
    [MemberData(nameof(Events))]
    public void For_EachEvent_RunsTheJobsTheCommittedWorkflowRuns(string eventName)
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

        var variables = pullRequest.GitHubVariables("abc1234", "local", "repo", "lint-backend", "/w");

        variables.Should().Contain("GITHUB_EVENT_NAME", "pull_request").And.Contain("GITHUB_BASE_REF", "develop")
            .And.Contain("CI", "true").And.Contain("GITHUB_SHA", "abc1234").And.NotContainKey("GITHUB_ACTIONS");
    }

    /// <summary>
    /// The jobs of the committed ci-cd.yml that run for <paramref name="trigger"/>: their <c>if:</c> evaluated as GitHub
    /// does for the two forms the generator writes, and every job in <c>needs:</c> running.
    /// </summary>
    private static List<string> WorkflowJobsFor(TriggerEvent trigger)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, SovdPipeline.Settings.WorkflowFile))));
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        var running = new List<string>();
        foreach (var (key, value) in jobs.Children)
        {
            var job = (YamlMappingNode)value;
            var id = ((YamlScalarNode)key).Value!;
            var condition = job.Children.TryGetValue("if", out var given) ? ((YamlScalarNode)given).Value : null;
            var needs = job.Children.TryGetValue("needs", out var list)
                ? list is YamlSequenceNode sequence ? sequence.Children.Select(n => ((YamlScalarNode)n).Value!).ToList() : [((YamlScalarNode)list).Value!]
                : [];
            if (Holds(condition, trigger) && needs.All(running.Contains))
            {
                running.Add(id);
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
