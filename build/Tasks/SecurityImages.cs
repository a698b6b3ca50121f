using Build.Containers;
using Build.Security;
using Build.Tools.Docker;
using Build.Tools.Trivy;
using Cake.Core.IO;

namespace Build.Tasks;

/// <summary>
/// Trivy on the images Build-Images made (the ones pushed and deployed), failing on CRITICAL findings that are not in the
/// triage file. Findings without a fixed version are skipped by default (<c>--ignore-unfixed</c>): nothing can be done
/// about them but wait, and Debian marks many of them <c>will_not_fix</c>; <c>--ignore-unfixed=false</c> reports them too.
/// </summary>
[TaskName("Security-Images")]
public sealed class SecurityImages : FrostingTask<BuildContext>
{
    private static readonly TrivySeverity[] FailSeverities = [TrivySeverity.Critical];

    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid("Security-Images");
        var ignoreUnfixed = context.Argument(ArgumentNames.IgnoreUnfixed, true);
        ToolPreflight.Ensure(context,
            TrivyRunner.Spec.Requirement(),
            DockerRunner.EngineRequirement(ContainerSettings.EngineHint, context.DryRun));
        var triage = Triage.Load(context);
        context.Information("{0}", ignoreUnfixed
            ? $"Unfixed findings skipped (trivy --ignore-unfixed; --{ArgumentNames.IgnoreUnfixed}=false reports them)"
            : "Unfixed findings reported too (--ignore-unfixed=false)");
        LocalImages.EnsurePresent(context, settings, LocalImages.ShaTags(settings));
        var reports = context.ArtifactDirectory(SovdPipeline.ImageScanReports);
        ReportFolder.Reset(context, reports);

        // Every image is scanned even when the first fails, so one run shows all findings.
        var outcomes = settings.Images.Select(image => Scan(context, image, reports, ignoreUnfixed, triage)).ToList();
        if (context.DryRun)
        {
            context.Information("{0}", $"[dry-run] would fail on {string.Join(", ", FailSeverities.Select(s => s.ToWire()))} findings not triaged in {triage.Path}");
            return;
        }
        var verdicts = outcomes.Select(outcome => outcome.Verdict).OfType<TriageVerdict>().ToList();
        TriageSummary.Report(context, "Security-Images", verdicts);
        var failures = outcomes.Select(outcome => outcome.Failure ?? outcome.Verdict?.Failure).OfType<string>().ToList();
        if (failures.Count > 0)
        {
            throw new CakeException("Image scan failed:\n" + string.Join('\n', failures.Select(failure => "  - " + failure)));
        }
        context.Information($"No new CRITICAL vulnerabilities in {string.Join(", ", settings.Images.Select(image => image.ShaTag))}; SARIF in {reports.FullPath}");
    }

    /// <summary>What scanning one image found; <see cref="Failure"/> when the scan itself failed.</summary>
    private sealed record ImageScan(TriageVerdict? Verdict, string? Failure);

    private static ImageScan Scan(BuildContext context, ContainerImage image, DirectoryPath reports, bool ignoreUnfixed, TriageFile triage)
    {
        var json = reports.CombineWithFilePath($"{image.Name}.json");
        // No --exit-code: findings exit 0 and are judged from the JSON against the triage file; a non-zero exit is a failed scan.
        var scan = context.TrivyImage(Settings(image, ignoreUnfixed, TrivyFormat.Json, json, skipDbUpdate: false));
        if (scan.Outcome is TrivyOutcome.DatabaseUnreachable or TrivyOutcome.Failed)
        {
            // Nothing was checked: never a pass.
            return new ImageScan(null, $"{image.Name}: {scan.Message}");
        }
        // The same findings as SARIF for code scanning; the database is already downloaded by the scan above.
        var sarif = reports.CombineWithFilePath($"{image.Name}.sarif");
        var sarifScan = context.TrivyImage(Settings(image, ignoreUnfixed, TrivyFormat.Sarif, sarif, skipDbUpdate: true));
        if (context.DryRun)
        {
            return new ImageScan(null, null);
        }
        if (sarifScan.Passed && File.Exists(sarif.FullPath))
        {
            SarifCategory.Set(sarif.FullPath, $"image-scan/{image.Name}");
        }
        if (!File.Exists(json.FullPath))
        {
            return new ImageScan(null, $"{image.Name}: trivy exited {scan.Result.ExitCode} without writing {json.FullPath}; nothing was checked");
        }
        var report = TrivyJsonReport.Read(json.FullPath);
        return new ImageScan(TriageVerdict.Of($"{ScannerFindings.Trivy} {image.Name}", ScannerFindings.From(image.Name, report), triage), null);
    }

    private static TrivyImageSettings Settings(ContainerImage image, bool ignoreUnfixed, TrivyFormat format, FilePath output, bool skipDbUpdate) => new()
    {
        Image = image.ShaTag,
        Severities = FailSeverities,
        IgnoreUnfixed = ignoreUnfixed,
        Format = format,
        OutputFile = output,
        SkipDbUpdate = skipDbUpdate,
    };
}
