using System.Collections.Immutable;
using Pipeline.Definition.Stages;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Generation;

/// <summary>Turns the pipeline's stages into a workflow: one job per stage, <c>needs:</c> equal to the stages' needs.</summary>
public static class WorkflowGenerator
{
    public const string RegenerateCommand = "./build.sh --target=Generate-Workflow";

    public static Workflow Generate(PipelineDefinition pipeline)
    {
        var jobs = new Dictionary<Stage, Job>();
        foreach (var stage in pipeline.Stages)
        {
            jobs[stage] = JobFor(stage, pipeline.Settings, jobs);
        }

        return new Workflow(pipeline.Name, pipeline.Triggers)
        {
            Permissions = Permissions.None,
            Concurrency = new Concurrency("ci-cd-${{ github.ref }}", "${{ github.event_name == 'pull_request' }}"),
            Env = ImmutableSortedDictionary.CreateRange(new Dictionary<string, string>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "true",
                ["DOTNET_NOLOGO"] = "true",
                ["NO_COLOR"] = "1",
            }),
            Jobs = [.. pipeline.Stages.Select(s => jobs[s])],
        };
    }

    private static Job JobFor(Stage stage, PipelineSettings settings, IReadOnlyDictionary<Stage, Job> earlier) =>
        new(stage.JobId, stage.Name)
        {
            RunsOn = settings.Runner,
            Needs = [.. stage.Needs.Select(need => earlier.TryGetValue(need, out var job)
                ? job
                : throw new InvalidOperationException(
                    $"Stage '{stage.Name}' needs '{need.Name}', which is not listed before it in the pipeline."))],
            If = stage.When.Expression,
            Environment = stage.Environment,
            Permissions = stage.JobPermissions,
            Concurrency = stage.Deploys ? Concurrency.Queue($"deploy-{stage.Environment!.Name}") : null,
            TimeoutMinutes = stage.TimeoutMinutes,
            Env = stage.Env,
            Steps = [.. JobSteps.For(stage, settings)],
        };
}
