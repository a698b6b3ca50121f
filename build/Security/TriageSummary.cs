using System.Text;
using Cake.Common.Build;

namespace Build.Security;

/// <summary>Shows what a stage's scanners found, triaged and new, in the log and on the GitHub job's summary page.</summary>
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
        var text = new StringBuilder($"### {stage}: findings\n\n| scanner | finding | package or path | severity | status |\n| --- | --- | --- | --- | --- |\n");
        foreach (var verdict in verdicts)
        {
            foreach (var finding in verdict.New)
            {
                text.Append($"| {verdict.Scanner} | {Cell(finding.Id)} | {Cell(finding.Package)} | {Cell(finding.Severity)} | **new** |\n");
            }
            foreach (var triaged in verdict.Triaged)
            {
                text.Append($"| {verdict.Scanner} | {Cell(triaged.Finding.Id)} | {Cell(triaged.Finding.Package)} | {Cell(triaged.Finding.Severity)} | triaged: {Cell(Accepted(triaged.Entry))} |\n");
            }
            if (verdict.New.Count + verdict.Triaged.Count == 0)
            {
                text.Append($"| {verdict.Scanner} | none | | | |\n");
            }
        }
        return text.ToString();
    }

    private static string Accepted(TriageEntry entry) =>
        $"accepted by {entry.AcceptedBy} until {entry.Expires:yyyy-MM-dd}: {entry.Reason}";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
