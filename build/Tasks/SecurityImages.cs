using Build.Containers;
using Build.Frosting;
using Build.Settings;
using Build.Tools;
using Build.Tools.Docker;
using Build.Tools.Trivy;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.IO;
using Pipeline.Definition;

namespace Build.Tasks;

[TaskName("Security-Images")]
public sealed class SecurityImages : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid("Security-Images");
        ToolPreflight.Ensure(context,
            TrivyRunner.Requirement(),
            DockerEngineRunner.EngineRequirement(ContainerSettings.EngineHint, context.DryRun));
        LocalImages.EnsurePresent(context, settings, LocalImages.ShaTags(settings));
        var reports = context.ArtifactDirectory(SovdPipeline.ImageScanReports);
        ReportFolder.Reset(context, reports);

        // Every image is scanned even when the first fails, so one run shows all findings.
        var failures = settings.Images.Select(image => Scan(context, image, reports)).OfType<string>().ToList();
        if (failures.Count > 0)
        {
            throw new CakeException("Image scan failed:\n" + string.Join('\n', failures.Select(failure => "  - " + failure)));
        }
        context.Information($"No CRITICAL vulnerabilities in {string.Join(", ", settings.Images.Select(image => image.ShaTag))}; SARIF in {reports.FullPath}");
    }

    /// <summary>Scans one image; returns why it fails the stage, or <c>null</c>.</summary>
    private static string? Scan(BuildContext context, ContainerImage image, DirectoryPath reports)
    {
        var sarif = reports.CombineWithFilePath($"{image.Name}.sarif");
        var scan = context.TrivyImage(new TrivyImageSettings
        {
            Image = image.ShaTag,
            Severities = [TrivySeverity.Critical],
            VulnerabilityExitCode = 1,
            Format = TrivyFormat.Sarif,
            OutputFile = sarif,
        });
        if (scan.Outcome is TrivyOutcome.DatabaseUnreachable or TrivyOutcome.Failed)
        {
            // Nothing was checked: never a pass, and no table to show.
            return $"{image.Name}: {scan.Message}";
        }
        if (!context.DryRun && File.Exists(sarif.FullPath))
        {
            SarifCategory.Set(sarif.FullPath, $"image-scan/{image.Name}");
        }
        // The same findings as a table in the log; the database is already downloaded by the scan above.
        context.TrivyImage(new TrivyImageSettings { Image = image.ShaTag, Severities = [TrivySeverity.Critical], Format = TrivyFormat.Table, SkipDbUpdate = true });
        return scan.Outcome == TrivyOutcome.VulnerabilitiesFound
            ? $"{image.Name}: CRITICAL vulnerabilities (table above; SARIF: {sarif.FullPath})"
            : null;
    }
}
