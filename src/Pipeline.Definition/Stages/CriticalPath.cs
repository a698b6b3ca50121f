using System.Collections.Immutable;

namespace Pipeline.Definition.Stages;

/// <summary>
/// The stages that run for one event and the longest chain through them, which bounds the pipeline's wall time
/// (jobs run in parallel; each waits only for its needs).
/// </summary>
public sealed record CriticalPath(TriggerEvent Trigger, ImmutableArray<Stage> Running, ImmutableArray<Stage> Path, TimeSpan Total)
{
    public static CriticalPath For(PipelineDefinition pipeline, TriggerEvent trigger, Func<ExpectedDuration, TimeSpan> duration)
    {
        // GitHub skips a job whose needs were skipped, so a stage runs only when it matches and all its needs run.
        var running = new List<Stage>();
        foreach (var stage in pipeline.Stages)
        {
            if (stage.When.Matches(trigger) && stage.Needs.All(running.Contains))
            {
                running.Add(stage);
            }
        }

        var finish = new Dictionary<Stage, (TimeSpan End, Stage? Previous)>();
        foreach (var stage in running)
        {
            var latest = stage.Needs.Select(n => (Need: (Stage?)n, finish[n].End)).DefaultIfEmpty().MaxBy(p => p.End);
            finish[stage] = ((latest.Need is null ? TimeSpan.Zero : latest.End) + duration(stage.Duration), latest.Need);
        }

        if (running.Count == 0)
        {
            return new(trigger, [], [], TimeSpan.Zero);
        }

        var last = running.MaxBy(s => finish[s].End)!;
        var path = new List<Stage>();
        for (Stage? stage = last; stage is not null; stage = finish[stage].Previous)
        {
            path.Insert(0, stage);
        }

        return new(trigger, [.. running], [.. path], finish[last].End);
    }

    /// <summary>The same stages run one after another: what a pipeline without parallel jobs would take.</summary>
    public TimeSpan Sequential(Func<ExpectedDuration, TimeSpan> duration) =>
        Running.Aggregate(TimeSpan.Zero, (sum, stage) => sum + duration(stage.Duration));

    /// <summary>The events the pipeline is judged by: its push branches and pull requests into the first of them.</summary>
    public static IEnumerable<TriggerEvent> EventsOf(PipelineDefinition pipeline)
    {
        var pushes = pipeline.Triggers.Push?.Branches ?? [];
        foreach (var branch in pushes)
        {
            yield return TriggerEvent.PushTo(branch);
        }

        if (pipeline.Triggers.PullRequest is { } pullRequest)
        {
            yield return TriggerEvent.PullRequestInto(pullRequest.Branches.FirstOrDefault() ?? "main");
        }

        if (!pipeline.Triggers.Schedule.IsEmpty)
        {
            yield return TriggerEvent.ScheduledOn("the default branch");
        }
    }
}
