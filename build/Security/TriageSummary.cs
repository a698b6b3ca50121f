namespace Build.Security;

/// <summary>
/// Shows what a stage's scanners found, triaged and new, in the log and on the GitHub job's summary page.
/// </summary>
public static class TriageSummary
{
    public static void Report(BuildContext context, string stage, IReadOnlyList<TriageVerdict> verdicts)
    {
        foreach (var verdict in verdicts)
        {
            context.Information("{0}", $"{verdict.Scanner}: {verdict.New.Count} new, {verdict.Triaged.Count} triaged");
            foreach (var triaged in verdict.Triaged)
            {
                context.Information("{0}", $"  triaged: {triaged.Finding} — {Accepted(triaged.Entry)}");
            }
            foreach (var finding in verdict.New)
            {
                context.Error("{0}", $"  new: {finding}");
            }
        }
        var github = context.GitHubActions();
        if (github.IsRunningOnGitHubActions && github.Environment.Runtime.StepSummary is not null)
        {
            github.Commands.SetStepSummary(Markdown(stage, verdicts));
        }
    }

    public static string Markdown(string stage, IReadOnlyList<TriageVerdict> verdicts)
    {
        var text =
            new StringBuilder(
            $"### {stage}: findings\n\n| scanner | finding | package or path | severity | status |\n| --- | --- | " +
            $"--- | --- | --- |\n");
        foreach (var verdict in verdicts)
        {
            var rows = verdict.New.Select(finding => (Finding: finding, Status: "**new**"))
                .Concat(verdict.Triaged.Select(
                    triaged => (triaged.Finding, Status: $"triaged: {Cell(Accepted(triaged.Entry))}")))
                .Select(row => $"| {verdict.Scanner} | {Cell(row.Finding.Id)} | {Cell(row.Finding.Package)} | " +
                    $"{Cell(row.Finding.Severity)} | {row.Status} |\n")
                .DefaultIfEmpty($"| {verdict.Scanner} | none | | | |\n");
            text.AppendJoin("", rows);
        }
        return text.ToString();
    }

    private static string Accepted(TriageEntry entry) =>
        $"accepted by {entry.AcceptedBy} until {entry.Expires:yyyy-MM-dd}: {entry.Reason}";

    private static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
