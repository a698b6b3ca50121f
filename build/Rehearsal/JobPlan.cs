using System.Collections.Immutable;
using Pipeline.Definition.Stages;

namespace Build.Rehearsal;

/// <summary>One job of the event: it runs, or it is skipped before the run with the reason GitHub (or the rehearsal) has.</summary>
public sealed record PlannedJob(Stage Stage, string? SkipReason)
{
    public bool Runs => SkipReason is null;
}

/// <summary>
/// Which jobs of the pipeline an event runs, decided with the definition's own objects: each stage's
/// <see cref="RunCondition"/> (the job's <c>if:</c>) and its needs, exactly as the generator writes them.
/// </summary>
public static class JobPlan
{
    /// <param name="pipeline">The definition whose stages are the jobs.</param>
    /// <param name="trigger">The event.</param>
    /// <param name="scope">The stages to rehearse; the others of the event are listed as not rehearsed, and counted as passed for their dependants.</param>
    /// <param name="hasCluster">Deploy jobs run only against a cluster that was given.</param>
    public static ImmutableArray<PlannedJob> For(PipelineDefinition pipeline, TriggerEvent trigger, IReadOnlySet<Stage>? scope, bool hasCluster)
    {
        var plan = new Dictionary<Stage, PlannedJob>();
        foreach (var stage in pipeline.Stages)
        {
            plan[stage] = new PlannedJob(stage, SkipReason(stage, trigger, scope, hasCluster, plan));
        }

        return [.. pipeline.Stages.Select(stage => plan[stage])];
    }

    /// <summary>The jobs whose <c>if:</c> holds for <paramref name="trigger"/> and whose needs all run: what GitHub starts.</summary>
    public static ImmutableArray<Stage> Selected(PipelineDefinition pipeline, TriggerEvent trigger) =>
        [.. For(pipeline, trigger, scope: null, hasCluster: true).Where(job => job.Runs).Select(job => job.Stage)];

    private static string? SkipReason(Stage stage, TriggerEvent trigger, IReadOnlySet<Stage>? scope, bool hasCluster, Dictionary<Stage, PlannedJob> earlier)
    {
        if (!stage.When.Matches(trigger))
        {
            return $"if: {stage.When.Expression} is false for a {trigger}";
        }

        // GitHub skips a job when a job it needs was skipped.
        if (stage.Needs.FirstOrDefault(need => earlier.TryGetValue(need, out var job) && job.SkipReason is { } reason && !IsOutOfScope(reason)) is { } skippedNeed)
        {
            return $"needs {skippedNeed.Name}, which is skipped";
        }

        if (scope is not null && !scope.Contains(stage))
        {
            return OutOfScope;
        }

        if (stage.Deploys && !hasCluster)
        {
            return $"deploys to {stage.Environment!.Name}: no cluster given (--cluster=<kube-context> runs it)";
        }

        return null;
    }

    /// <summary>Stages left out of the rehearsal: their dependants still run, as if they had passed.</summary>
    public const string OutOfScope = "not rehearsed: outside the stages Rehearse runs (--all-jobs runs every job)";

    public static bool IsOutOfScope(string? reason) => reason == OutOfScope;
}
