using Build.Frosting.Internal;
using Build.Tests.Support;
using Pipeline.Definition;
using YamlDotNet.RepresentationModel;

namespace Build.Tests.Host;

/// <summary>One graph, two runners: what ./build.sh runs locally equals what ci-cd.yml runs as jobs.</summary>
public sealed class PipelineGraphTests
{
    private static readonly PipelineGraph Provider = new(SovdPipeline.Definition);

    private static readonly TaskGraph HostGraph =
        TaskGraph.Create(typeof(BuildContext).Assembly.GetTypes().Where(TaskDescriptor.IsTask), typeof(BuildContext), Provider);

    [Fact]
    public void HostGraph_EveryStage_DependsOnExactlyTheJobsItsCommittedJobNeeds()
    {
        var jobs = CommittedJobs();

        foreach (var stage in SovdPipeline.Definition.Stages)
        {
            var job = (YamlMappingNode)jobs[stage.JobId];
            var needs = job.Children.TryGetValue("needs", out var node)
                ? ((YamlSequenceNode)node).Children.Select(n => n.ToString())
                : [];
            var hostDependencies = HostGraph.DependenciesOf(stage.Name).Select(n => n.ToLowerInvariant());

            hostDependencies.Should().BeEquivalentTo(needs, $"the Cake graph of {stage.Name} must equal its job's needs");
        }
    }

    [Fact]
    public void CommittedWorkflow_EveryJob_RunsItsStageExclusively()
    {
        var jobs = CommittedJobs();

        jobs.Children.Keys.Select(k => k.ToString()).Should().Equal(SovdPipeline.Definition.Stages.Select(s => s.JobId));
        foreach (var stage in SovdPipeline.Definition.Stages)
        {
            var steps = (YamlSequenceNode)((YamlMappingNode)jobs[stage.JobId])["steps"];
            // A repair step (if: cancelled()) runs another target after a cancelled job; the job's own run is the other one.
            var runs = steps.Children.Cast<YamlMappingNode>()
                .Where(s => s.Children.ContainsKey("run") && !(s.Children.TryGetValue("if", out var when) && when.ToString().Contains("cancelled()", StringComparison.Ordinal)))
                .Select(s => s["run"].ToString())
                .Where(r => r.StartsWith("./build.sh", StringComparison.Ordinal))
                .ToList();

            runs.Should().ContainSingle().Which.Should().StartWith($"./build.sh --target={stage.Name} --exclusive");
        }
    }

    [Fact]
    public void HostGraph_PipelineDefinition_HasNoErrors()
    {
        HostGraph.Errors.Should().BeEmpty();
        Provider.Validate([.. HostGraph.Tasks.Select(t => t.Name)]).Should().BeEmpty();
    }

    private static YamlMappingNode CommittedJobs()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, SovdPipeline.Settings.WorkflowFile))));
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
    }
}
