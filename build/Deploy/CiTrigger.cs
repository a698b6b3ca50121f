namespace Build.Deploy;

/// <summary>
/// In GitHub Actions a deploy runs only for the event its stage's <c>When</c> names (the job's <c>if:</c> says the
/// same; this guards a job edited by hand). Locally a deploy runs when asked for.
/// </summary>
public static class CiTrigger
{
    private const string BranchPrefix = "refs/heads/";

    /// <summary>Why <paramref name="stage"/> does not run in this run, or null when it does.</summary>
    public static string? SkipReason(BuildContext context, Stage stage)
    {
        if (!context.IsGitHubActions)
        {
            return null;
        }
        var run = context.GitHubActions().Environment.Workflow;
        var branch = run.Ref.StartsWith(BranchPrefix, StringComparison.Ordinal)
            ? run.Ref[BranchPrefix.Length..]
            : run.Ref;
        var trigger = new TriggerEvent(run.EventName == "push", branch)
        {
            IsSchedule = run.EventName == NuGetAudit.ScheduleEvent,
        };
        return stage.When.Matches(trigger)
            ? null
            : $"{stage.Name} runs only {stage.When.Summary} (this run: {run.EventName} of {run.Ref})";
    }
}
