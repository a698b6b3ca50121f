namespace Pipeline.Definition.Stages;

/// <summary>An event that starts the pipeline: a push to a branch, a pull request into one, or the schedule (default branch).</summary>
public sealed record TriggerEvent(bool IsPush, string Branch)
{
    /// <summary>A <c>schedule:</c> run: never a push, so nothing is pushed or deployed.</summary>
    public bool IsSchedule { get; init; }

    public static TriggerEvent PushTo(string branch) => new(true, branch);

    public static TriggerEvent PullRequestInto(string branch) => new(false, branch);

    public static TriggerEvent ScheduledOn(string branch) => new(false, branch) { IsSchedule = true };

    public override string ToString() => IsSchedule ? $"schedule (on {Branch})" : IsPush ? $"push to {Branch}" : $"pull request into {Branch}";
}
