namespace Build.Tasks;

/// <summary>
/// Trivy on the images Build-Images made (the ones pushed and deployed), failing on CRITICAL findings that are not in
/// the triage file. Findings without a fixed version are skipped by default (<c>--ignore-unfixed</c>): nothing can be
/// done about them but wait, and Debian marks many of them <c>will_not_fix</c>; <c>--ignore-unfixed=false</c> reports
/// them too.
/// </summary>
[TaskName(TargetNames.SecurityImages)]
public sealed class SecurityImages : FrostingTask<BuildContext>
{
    private static readonly TrivySeverity[] FailSeverities = [TrivySeverity.Critical];

    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid(SovdPipeline.SecurityImages.Name);
        var ignoreUnfixed = context.Argument(ArgumentNames.IgnoreUnfixed, true);
        ToolPreflight.Ensure(context,
            TrivySettings.Spec.Requirement(),
            DockerSettings.EngineRequirement);
        var triage = TriageFile.Load(context);
        context.Information("{0}", ignoreUnfixed
            ? $"Unfixed findings skipped (trivy --ignore-unfixed; --{ArgumentNames.IgnoreUnfixed}=false reports them)"
            : "Unfixed findings reported too (--ignore-unfixed=false)");
        LocalImages.EnsurePresent(context, settings);
        var reports = ReportFolder.Reset(context, context.ArtifactDirectory(SovdPipeline.ImageScanReports));

        // Every image is scanned even when the first fails, so one run shows all findings.
        var scans = settings.Images.Select(image => Scan(context, image, reports, ignoreUnfixed)).ToList();
        var failsOn = $"{string.Join(", ", FailSeverities.Select(s => s.ToWire()))} findings";
        ScanVerdicts.Judge(context, SovdPipeline.SecurityImages, triage, failsOn,
            failures => scans.Select(scan => scan.Verdict(failures, triage)),
            passed: "No new CRITICAL vulnerabilities " +
                $"in {string.Join(", ", settings.Images.Select(image => image.ShaTag))}; SARIF in {reports.FullPath}");
    }

    /// <summary>
    /// Scans one image (JSON, then SARIF from the same database); Rescan-Deployed uses it for the deployed images.
    /// </summary>
    internal static ImageScan Scan(BuildContext context, ContainerImage image, DirectoryPath reports,
        bool ignoreUnfixed, string? label = null)
    {
        label ??= image.Name;
        var json = reports.CombineWithFilePath($"{label}.json");
        // No --exit-code: findings exit 0 and are judged from the JSON against the triage file; a non-zero exit is a
        // failed scan.
        var scan = context.TrivyImage(Settings(image, ignoreUnfixed, TrivyFormat.Json, json, skipDbUpdate: false));
        if (scan.Outcome is TrivyOutcome.DatabaseUnreachable or TrivyOutcome.Failed)
        {
            return new ImageScan(image, scan, json, null) { Label = label };
        }
        // The same findings as SARIF for code scanning; the database is already downloaded by the scan above.
        var sarif = reports.CombineWithFilePath($"{label}.sarif");
        var sarifScan =
            context.TrivyImage(Settings(image, ignoreUnfixed, TrivyFormat.Sarif, sarif, skipDbUpdate: true));
        return new ImageScan(image, scan, json, sarifScan.Passed ? sarif : null) { Label = label };
    }

    private static TrivySettings Settings(ContainerImage image, bool ignoreUnfixed, TrivyFormat format,
        FilePath output, bool skipDbUpdate) =>
        new()
        {
            Image = image.ShaTag,
            Severities = FailSeverities,
            IgnoreUnfixed = ignoreUnfixed,
            Format = format,
            OutputFile = output,
            SkipDbUpdate = skipDbUpdate,
        };

    /// <summary>One image's scan; <see cref="Sarif"/> when the SARIF run succeeded.</summary>
    internal sealed record ImageScan(ContainerImage Image, TrivyScanResult Scan, FilePath Json, FilePath? Sarif)
    {
        /// <summary>
        /// The image's name, or with the environment it runs in (Rescan-Deployed): names the reports and the verdict.
        /// </summary>
        public string Label { get; init; } = Image.Name;

        public TriageVerdict? Verdict(StageFailures failures, TriageFile triage)
        {
            if (Scan.Outcome is TrivyOutcome.DatabaseUnreachable or TrivyOutcome.Failed)
            {
                // Nothing was checked: never a pass.
                failures.Add($"{Label}: {Scan.Message}");
                return null;
            }
            if (Sarif is not null && File.Exists(Sarif.FullPath))
            {
                SarifCategory.Set(Sarif.FullPath, $"image-scan/{Label}");
                SarifTriage.Filter(Sarif.FullPath, triage, ScannerFindings.Trivy);
            }
            if (!File.Exists(Json.FullPath))
            {
                failures.Add($"{Label}: trivy exited {Scan.Result.ExitCode} without writing {Json.FullPath}; " +
                    "nothing was checked");
                return null;
            }
            var findings = ScannerFindings.From(Label, TrivyJsonReport.Read(Json.FullPath));
            return TriageVerdict.Of($"{ScannerFindings.Trivy} {Label}", findings, triage);
        }
    }
}
