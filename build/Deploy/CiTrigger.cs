using Pipeline.Definition.Stages;

namespace Build.Deploy;

/// <summary>
/// In GitHub Actions a deploy runs only for the event its stage's <c>When</c> names (the job's <c>if:</c> says the
/// same; this guards a job edited by hand). Locally a deploy runs when asked for.
/// </summary>
public static class CiTrigger
{
    private const string BranchPrefix = "refs/heads/";

    public static RunDecision Decide(BuildContext context, Stage stage)
    {
        if (!context.IsGitHubActions)
        {
            return RunDecision.Run;
        }
        var eventName = context.Environment.GetEnvironmentVariable(EnvVars.GitHubEventName) ?? "";
        var gitRef = context.Environment.GetEnvironmentVariable(EnvVars.GitHubRef) ?? "";
        var branch = gitRef.StartsWith(BranchPrefix, StringComparison.Ordinal) ? gitRef[BranchPrefix.Length..] : gitRef;
        return stage.When.Matches(new TriggerEvent(eventName == "push", branch))
            ? RunDecision.Run
            : RunDecision.Skip($"{stage.Name} runs only {stage.When.Summary} (this run: {eventName} of {gitRef})");
    }
}
