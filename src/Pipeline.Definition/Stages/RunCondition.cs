namespace Pipeline.Definition.Stages;

/// <summary>When a stage's job runs in CI. Rendered as the job's <c>if:</c>; locally every stage runs when asked for.</summary>
public abstract record RunCondition(string Summary)
{
    public static RunCondition Always { get; } = new AlwaysCondition();

    /// <summary>Only for pushes (never for pull requests): what publishing needs.</summary>
    public static RunCondition OnPush { get; } = new PushCondition(null);

    public static RunCondition OnPushTo(string branch) => new PushCondition(branch);

    /// <summary>Only for pull requests: checks that cost a cluster and would only repeat on the merged push.</summary>
    public static RunCondition OnPullRequest { get; } = new PullRequestCondition();

    /// <summary>Only in the scheduled run (<c>schedule:</c>): audits of what is already deployed.</summary>
    public static RunCondition OnSchedule { get; } = new ScheduleCondition();

    /// <summary>The job's <c>if:</c> expression, or null when the job always runs.</summary>
    public abstract string? Expression { get; }

    /// <summary>Whether the stage runs for <paramref name="trigger"/>.</summary>
    public abstract bool Matches(TriggerEvent trigger);

    private sealed record AlwaysCondition() : RunCondition("always")
    {
        public override string? Expression => null;

        public override bool Matches(TriggerEvent trigger) => true;
    }

    private sealed record PullRequestCondition() : RunCondition("on pull requests")
    {
        public override string? Expression => "github.event_name == 'pull_request'";

        public override bool Matches(TriggerEvent trigger) => !trigger.IsPush && !trigger.IsSchedule;
    }

    private sealed record ScheduleCondition() : RunCondition("on schedule")
    {
        public override string? Expression => "github.event_name == 'schedule'";

        public override bool Matches(TriggerEvent trigger) => trigger.IsSchedule;
    }

    private sealed record PushCondition(string? Branch)
        : RunCondition(Branch is null ? "on push" : $"on push to {Branch}")
    {
        public override string? Expression => Branch is null
            ? "github.event_name == 'push'"
            : $"github.event_name == 'push' && github.ref == 'refs/heads/{Branch}'";

        public override bool Matches(TriggerEvent trigger) =>
            trigger.IsPush && (Branch is null || trigger.Branch == Branch);
    }
}
