namespace Build.Tasks.StageHelpers;

/// <summary>
/// Judges a security stage: its scanners' findings against the triage file, shown together (log and job summary), then
/// one failure with every reason. A dry run ran no scanner and read no report: it says what a real run would fail on.
/// </summary>
internal static class ScanVerdicts
{
    /// <param name="read">Reads the scanners' reports: a verdict per scanner, or null (and a failure) when a scan did
    /// not complete.</param>
    /// <param name="hint">Added to a verdict's failure: what to do about it.</param>
    /// <param name="passed">Printed when nothing fails the stage.</param>
    public static void Judge(
        BuildContext context, Stage stage, TriageFile triage, string failsOn, Func<StageFailures,
            IEnumerable<TriageVerdict?>> read, string? hint = null, string? passed = null)
    {
        if (context.DryRun)
        {
            context.Information("{0}", $"[dry-run] would fail on {failsOn} not triaged in {triage.Path}");
            return;
        }
        var failures = new StageFailures(stage);
        var verdicts = read(failures).OfType<TriageVerdict>().ToList();
        if (verdicts.Count == 0 && !failures.Any)
        {
            return;
        }
        TriageSummary.Report(context, stage.Name, verdicts);
        foreach (var failure in verdicts.Select(verdict => verdict.Failure).OfType<string>())
        {
            failures.Add(hint is null ? failure : $"{failure} ({hint})");
        }
        failures.ThrowIfAny();
        if (passed is not null)
        {
            context.Information("{0}", passed);
        }
    }
}
