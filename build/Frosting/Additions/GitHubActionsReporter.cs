using Cake.Common.Build.GitHubActions;
using Cake.Common.Build.GitHubActions.Data;

namespace Build.Frosting.Additions;

/// <summary>
/// On GitHub Actions: an annotation per failed task (through Cake.Common's workflow commands, which escape the
/// message) and one row per task in the step summary ($GITHUB_STEP_SUMMARY).
/// </summary>
internal sealed class GitHubActionsReporter(GitHubActionsProvider github, RunJournal journal)
{
    private bool _summaryStarted;

    public bool FailureAnnotated { get; private set; }

    public static GitHubActionsReporter? Create(ICakeEnvironment environment, IFileSystem fileSystem, IConsole console,
        RunJournal journal)
    {
        var provider = new GitHubActionsProvider(environment, fileSystem, new ConsoleServiceMessageWriter(console));
        return provider.IsRunningOnGitHubActions ? new GitHubActionsReporter(provider, journal) : null;
    }

    public void TaskFinished(ITaskTeardownContext info)
    {
        var name = info.Task.Name;
        if (info.ThrownException is { } exception)
        {
            Annotate(name, exception);
        }

        if (github.Environment.Runtime.StepSummary is null)
        {
            return;
        }

        if (!_summaryStarted)
        {
            github.Commands.SetStepSummary("| Task | Result | Duration |\n| --- | --- | --- |");
            _summaryStarted = true;
        }

        var duration = info.Skipped ? "-" : Format(info.Duration);
        github.Commands.SetStepSummary($"| {Cell(name)} | {Cell(Result(info))} | {duration} |");
    }

    /// <summary>An annotation for a failure outside a task (setup, teardown, an unreachable target).</summary>
    public void Annotate(string title, Exception exception)
    {
        github.Commands.Error(exception.Message, new GitHubActionsAnnotation { Title = title });
        FailureAnnotated = true;
    }

    private string Result(ITaskTeardownContext info) => info switch
    {
        { Skipped: true } => journal.SkipReason(info.Task.Name) is { } reason ? $"Skipped: {reason}" : "Skipped",
        { ThrownException: BuildInterruptedException } => "Interrupted",
        { ThrownException: not null } => "Failed",
        _ => "Succeeded",
    };

    // A markdown table cell ends at '|' or a line break.
    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Format(TimeSpan duration) =>
        duration.TotalMinutes >= 1
            ? duration.ToString(@"m\:ss", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0} s");
}

/// <summary>Cake's GitHub workflow commands, written to the host's console instead of straight to stdout.</summary>
internal sealed class ConsoleServiceMessageWriter(IConsole console) : IBuildSystemServiceMessageWriter
{
    public void Write(string format, params object[] args) =>
        console.WriteLine(string.Format(CultureInfo.InvariantCulture, format, args));
}
