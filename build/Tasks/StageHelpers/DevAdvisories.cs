namespace Build.Tasks.StageHelpers;

/// <summary>
/// Security-Frontend's second audit, of the whole tree: the advisories only dev dependencies have (not in the
/// <c>--omit=dev</c> audit that gates the release), listed as warnings and in the job summary. Never fails the stage.
/// </summary>
internal static class DevAdvisories
{
    public static void Report(BuildContext context, DirectoryPath frontend, NpmAuditResult shipped, FilePath report,
        NpmAuditLevel level)
    {
        var all = context.NpmAudit(level, new NpmSettings { WorkingDirectory = frontend });
        if (context.DryRun || all.Outcome is not (NpmAuditOutcome.Passed or NpmAuditOutcome.VulnerabilitiesFound))
        {
            return;
        }
        ReportFolder.Write(context, report, all.Json);
        var devOnly = Only(all.Json, shipped.Json, level);
        context.Information("{0}",
            $"npm audit of the dev dependencies: {devOnly.Count} {level.ToWire()} advisory(ies) only there " +
            $"(reported, not gating; {report.FullPath})");
        foreach (var advisory in devOnly)
        {
            context.Warning("{0}",
                $"dev dependency advisory (not shipped): {advisory.Id} in {advisory.Package} " +
                $"({advisory.Severity.ToWire()}): {advisory.Title}");
        }
        var github = context.GitHubActions();
        if (devOnly.Count > 0 && github.IsRunningOnGitHubActions && github.Environment.Runtime.StepSummary is not null)
        {
            github.Commands.SetStepSummary(Markdown(devOnly));
        }
    }

    /// <summary>The advisories of the whole tree that the shipped tree does not have.</summary>
    public static IReadOnlyList<NpmAuditAdvisory> Only(string allJson, string shippedJson, NpmAuditLevel level)
    {
        var shipped =
            NpmAuditAdvisory.AtOrAbove(shippedJson, level).Select(
            advisory => (advisory.Id, advisory.Package)).ToHashSet();
        return [.. NpmAuditAdvisory.AtOrAbove(allJson, level).Where(
            advisory => !shipped.Contains((advisory.Id, advisory.Package)))];
    }

    private static string Markdown(IReadOnlyList<NpmAuditAdvisory> advisories) =>
        "### Security-Frontend: advisories only in dev dependencies (not shipped, not gating)\n\n| advisory | " +
            "package | severity | title |\n| --- | --- | --- | --- |\n" +
        string.Concat(
            advisories.Select(
            advisory => $"| {advisory.Id} | {advisory.Package} | {advisory.Severity.ToWire()} | " +
            $"{advisory.Title.Replace("|", "\\|", StringComparison.Ordinal)} |\n"));
}
