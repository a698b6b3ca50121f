using System.Collections.Immutable;
using Pipeline.Definition.Stages;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Generation;

/// <summary>Turns the pipeline's stages into a workflow: one job per stage, <c>needs:</c> equal to the stages' needs.</summary>
public static class WorkflowGenerator
{
    public const string RegenerateCommand = "./build.sh --target=Generate-Workflow";

    /// <summary>
    /// Runs of a pull request share a group, so a newer push to it cancels the older run. Every other run (a push to
    /// develop or main, a manual run) is alone in its group: GitHub keeps only one pending run per group and cancels
    /// the rest, so a shared group would skip commits while a deploy waits for approval.
    /// </summary>
    public static readonly Concurrency RunConcurrency = new(
        "ci-cd-${{ github.event_name == 'pull_request' && github.ref || github.run_id }}",
        "${{ github.event_name == 'pull_request' }}");

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
            Concurrency = RunConcurrency,
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
            Permissions = JobPermissions(stage),
            Concurrency = stage.Deploys ? Concurrency.Queue($"deploy-{stage.Environment!.Name}") : null,
            TimeoutMinutes = stage.TimeoutMinutes,
            Env = stage.Env,
            Steps = [.. JobSteps.For(stage, settings)],
        };

    /// <summary>
    /// The stage's own permissions plus what its report uploads and checks need, on this job only: an OIDC token for
    /// Codecov, <c>actions: read</c> for code scanning on private repositories and for reading an environment's rules.
    /// </summary>
    public static Permissions JobPermissions(Stage stage)
    {
        var permissions = stage.JobPermissions;
        if (stage.Coverage is not null)
        {
            permissions = permissions.With(PermissionScope.IdToken, PermissionAccess.Write);
        }

        if (stage.CodeScanningReport is not null)
        {
            permissions = permissions
                .With(PermissionScope.SecurityEvents, PermissionAccess.Write)
                .With(PermissionScope.Actions, PermissionAccess.Read);
        }

        if (stage.Environment is { RequiresReviewers: true })
        {
            // GET /repos/{owner}/{repo}/environments/{name}: "Actions" repository permission (read), per GitHub's REST docs.
            permissions = permissions.With(PermissionScope.Actions, PermissionAccess.Read);
        }

        return permissions;
    }
}
