using Cake.Common.Build.GitHubActions.Data;

namespace Build.Security;

/// <summary>
/// Triage entries close to their expiry, announced before the stage starts failing on them: a warning in the log, a
/// GitHub warning annotation per entry and a table in the job summary, from <see cref="TriageFile.WarningDays"/> days
/// ahead. The day after an entry's expiry the file no longer loads (<see cref="TriageFile.Load(string, DateOnly)"/>).
/// </summary>
public static class TriageExpiry
{
    public static void Announce(BuildContext context, TriageFile triage, DateOnly today)
    {
        var expiring = triage.ExpiringWithin(today);
        foreach (var entry in expiring)
        {
            context.Warning("{0}", Message(entry, today));
        }
        var github = context.GitHubActions();
        if (expiring.Count == 0 || !github.IsRunningOnGitHubActions)
        {
            return;
        }
        foreach (var entry in expiring)
        {
            var annotation = new GitHubActionsAnnotation
            {
                Title = "Triage entry expires soon",
                File = RelativePath(context, triage),
            };
            github.Commands.Warning(Message(entry, today), annotation);
        }
        if (github.Environment.Runtime.StepSummary is not null)
        {
            github.Commands.SetStepSummary(Markdown(expiring, today));
        }
    }

    /// <summary>What is said about one entry: which, when, how many days are left, and what to do.</summary>
    public static string Message(TriageEntry entry, DateOnly today)
    {
        var days = entry.Expires.DayNumber - today.DayNumber;
        return $"Triage entry {entry.Id} in {entry.Package} (accepted by {entry.AcceptedBy}) expires on " +
            $"{entry.Expires:yyyy-MM-dd}, " +
            $"in {days} day(s); from {entry.Expires.AddDays(1):yyyy-MM-dd} every security stage fails on it. " +
            "Look at the risk again: fix it, or renew the entry with a new reason and date.";
    }

    public static string Markdown(IReadOnlyList<TriageEntry> expiring, DateOnly today)
    {
        var text =
            new StringBuilder(
            $"### Triage entries expiring within {TriageFile.WarningDays} days\n\n| finding | package | expires | " +
            $"days left | accepted by |\n| --- | --- | --- | --- | --- |\n");
        foreach (var entry in expiring)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| {entry.Id} | {entry.Package} | {entry.Expires:yyyy-MM-dd} | " +
                    $"{entry.Expires.DayNumber - today.DayNumber} | {entry.AcceptedBy} |\n");
        }
        return text.ToString();
    }

    // An annotation points at a file of the repository only; a triage file elsewhere (--triage-file) gets none.
    private static string? RelativePath(BuildContext context, TriageFile triage) =>
        Path.GetRelativePath(context.RepoRoot.FullPath, triage.Path).Replace('\\', '/') is { } relative
            && !relative.StartsWith("../", StringComparison.Ordinal)
            ? relative
            : null;
}
