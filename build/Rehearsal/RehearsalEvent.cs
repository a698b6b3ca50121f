using Pipeline.Definition.Stages;

namespace Build.Rehearsal;

/// <summary>
/// An event a rehearsal plays: <c>push:&lt;branch&gt;</c> or <c>pull_request</c>, taken from the definition's triggers
/// (the same events the pipeline report judges), with the <c>GITHUB_*</c> variables a runner would set for it.
/// </summary>
public sealed record RehearsalEvent(string Name, TriggerEvent Trigger)
{
    public const string PullRequestName = "pull_request";

    /// <summary>The events the definition's triggers start, e.g. push:develop, push:main, pull_request.</summary>
    public static IReadOnlyList<RehearsalEvent> ValidFor(PipelineDefinition pipeline) =>
        [.. CriticalPath.EventsOf(pipeline).Select(trigger => new RehearsalEvent(NameOf(trigger), trigger))];

    /// <summary>The event named <paramref name="name"/>; an unknown name is an error listing the valid ones.</summary>
    public static RehearsalEvent Parse(string name, PipelineDefinition pipeline)
    {
        var valid = ValidFor(pipeline);
        return valid.FirstOrDefault(e => string.Equals(e.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new RehearsalException(
                $"Unknown event '{name}': the definition's triggers give {string.Join(", ", valid.Select(e => e.Name))} (--event=<one of them>).");
    }

    /// <summary>What GitHub sets for this event in a job's environment (the ones the host and the tools read).</summary>
    public IReadOnlyDictionary<string, string> GitHubVariables(string sha, string owner, string repository, string jobId, string workspace)
    {
        var reference = Trigger.IsPush ? $"refs/heads/{Trigger.Branch}" : "refs/pull/1/merge";
        var variables = new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_EVENT_NAME"] = Trigger.IsPush ? "push" : PullRequestName,
            ["GITHUB_REF"] = reference,
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

    private static string NameOf(TriggerEvent trigger) => trigger.IsPush ? $"push:{trigger.Branch}" : PullRequestName;
}
