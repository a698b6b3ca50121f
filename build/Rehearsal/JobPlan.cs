namespace Build.Rehearsal;

/// <summary>
/// An event a rehearsal plays: <c>push:&lt;branch&gt;</c> or <c>pull_request</c>, taken from the definition's triggers
/// (the same events the pipeline report judges), with the <c>GITHUB_*</c> variables a runner would set for it.
/// </summary>
public sealed record RehearsalEvent(string Name, TriggerEvent Trigger)
{
    // Not the schedule: its own job rescans what GitHub's deployment records say is deployed, which a local run cannot
    // reach.
    public static IReadOnlyList<RehearsalEvent> ValidFor(PipelineDefinition pipeline) =>
        [.. CriticalPath.EventsOf(pipeline).Where(trigger => !trigger.IsSchedule)
            .Select(trigger =>
                new RehearsalEvent(trigger.IsPush ? $"push:{trigger.Branch}" : "pull_request", trigger))];

    public static RehearsalEvent Parse(string name, PipelineDefinition pipeline)
    {
        var valid = ValidFor(pipeline);
        return valid.FirstOrDefault(e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new RehearsalException(
                $"Unknown event '{name}': the definition's triggers " +
                    $"give {string.Join(", ", valid.Select(e => e.Name))} (--event=<one of them>).");
    }

    /// <summary>
    /// What GitHub sets for this event in a job's environment (the ones the host and the tools read).
    /// </summary>
    public IReadOnlyDictionary<string,
        string> GitHubVariables(string sha, string repository, string jobId, string workspace)
    {
        // Images of a local run are tagged for the local owner.
        const string owner = ContainerSettings.LocalOwner;
        var variables = new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_EVENT_NAME"] = Trigger.IsPush ? "push" : "pull_request",
            ["GITHUB_REF"] = Trigger.IsPush ? $"refs/heads/{Trigger.Branch}" : "refs/pull/1/merge",
            ["GITHUB_REF_NAME"] = Trigger.IsPush ? Trigger.Branch : "1/merge",
            ["GITHUB_REF_TYPE"] = "branch",
            ["GITHUB_SHA"] = sha,
            ["GITHUB_REPOSITORY"] = $"{owner}/{repository}",
            ["GITHUB_REPOSITORY_OWNER"] = owner,
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_WORKFLOW"] = "rehearsal",
            ["GITHUB_JOB"] = jobId,
            ["GITHUB_RUN_ID"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["GITHUB_RUN_NUMBER"] = "1",
            ["GITHUB_RUN_ATTEMPT"] = "1",
            ["GITHUB_ACTOR"] = owner,
            ["GITHUB_WORKSPACE"] = workspace,
        };
        if (!Trigger.IsPush)
        {
            variables["GITHUB_BASE_REF"] = Trigger.Branch;
            variables["GITHUB_HEAD_REF"] = "rehearsal";
        }

        return variables;
    }
}

/// <summary>
/// One job of the event: it runs, or it is skipped before the run with the reason GitHub (or the rehearsal) has.
/// </summary>
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
    /// <summary>Stages left out of the rehearsal: their dependants still run, as if they had passed.</summary>
    public const string OutOfScope = "not rehearsed: outside the stages Rehearse runs (--all-jobs runs every job)";

    /// <param name="scope">The stages to rehearse (null: all); the others of the event are listed as not
    /// rehearsed.</param>
    /// <param name="hasCluster">Deploy jobs run only against a cluster that was given.</param>
    public static ImmutableArray<PlannedJob> For(PipelineDefinition pipeline, TriggerEvent trigger,
        IReadOnlySet<Stage>? scope, bool hasCluster)
    {
        var plan = new Dictionary<Stage, PlannedJob>();
        foreach (var stage in pipeline.Stages)
        {
            plan[stage] = new PlannedJob(stage, SkipReason(stage, trigger, scope, hasCluster, plan));
        }

        return [.. pipeline.Stages.Select(stage => plan[stage])];
    }

    private static string? SkipReason(Stage stage, TriggerEvent trigger, IReadOnlySet<Stage>? scope, bool hasCluster,
        Dictionary<Stage, PlannedJob> earlier)
    {
        if (!stage.When.Matches(trigger))
        {
            return $"if: {stage.When.Expression} is false for a {trigger}";
        }

        // GitHub skips a job when a job it needs was skipped.
        var skippedNeed = stage.Needs.FirstOrDefault(need =>
            earlier.TryGetValue(need, out var job) && job.SkipReason is { } reason && reason != OutOfScope);
        if (skippedNeed is not null)
        {
            return $"needs {skippedNeed.Name}, which is skipped";
        }

        if (scope is not null && !scope.Contains(stage))
        {
            return OutOfScope;
        }

        return stage.Deploys && !hasCluster
            ? $"deploys to {stage.Environment!.Name}: no cluster given (--cluster=<kube-context> runs it)" : null;
    }
}
