using Build.Tasks.Code;
using Build.Tools.Npm;
using Build.Tools.Reports;
using Cake.Core.IO;

namespace Build.Tasks;

[TaskName("Test-Frontend-Unit")]
public sealed class TestFrontendUnit : FrostingTask<BuildContext>
{
    private const string JUnitFile = "junit.xml";
    private const string CoverageFolder = "coverage";
    private const string SummaryFile = "coverage-summary.json";

    public override void Run(BuildContext context)
    {
        var settings = CodeSettings.From(context);
        var threshold = settings.RequireCoverageThreshold();
        var frontend = settings.RequireFrontend();
        var reports = context.ArtifactDirectory(SovdPipeline.FrontendUnitReports);
        var junit = reports.CombineWithFilePath(JUnitFile);
        var coverage = reports.Combine(CoverageFolder);
        ToolPreflight.Ensure(context, NpmRunner.Spec.Requirement(), NodeRuntime.Requirement(SovdPipeline.NodeVersion));
        NodeModules.EnsureInstalled(context, frontend);

        ReportFolder.Reset(context, reports);
        var result = context.NpmRun(new NpmRunSettings
        {
            WorkingDirectory = frontend,
            Script = "test:coverage",
            Arguments = VitestArguments(junit, coverage, threshold),
            ThrowOnNonZeroExit = false,
        });
        if (context.DryRun)
        {
            return;
        }
        Judge(context, result, junit, coverage.CombineWithFilePath(SummaryFile), threshold);
    }

    /// <summary>Reporters, report paths and thresholds on the command line, so the pipeline's settings win over vite.config.ts.</summary>
    private static IReadOnlyList<string> VitestArguments(FilePath junit, DirectoryPath coverage, int threshold)
    {
        var percent = threshold.ToString(CultureInfo.InvariantCulture);
        return
        [
            "--reporter=default", "--reporter=junit", $"--outputFile.junit={junit.FullPath}",
            $"--coverage.reportsDirectory={coverage.FullPath}",
            "--coverage.reporter=text", "--coverage.reporter=cobertura", "--coverage.reporter=json-summary",
            $"--coverage.thresholds.lines={percent}", $"--coverage.thresholds.functions={percent}",
            $"--coverage.thresholds.statements={percent}", $"--coverage.thresholds.branches={percent}",
        ];
    }

    private static void Judge(BuildContext context, ToolResult result, FilePath junit, FilePath summary, int threshold)
    {
        var failures = new StageFailures("Test-Frontend-Unit");
        TestResults.Check(context, failures, "Frontend unit tests", "vitest", result, junit);

        if (ReportFolder.Existing(summary) is { } summaryPath)
        {
            static string Figure((string Metric, decimal Percent) m) => string.Create(CultureInfo.InvariantCulture, $"{m.Metric} {m.Percent:0.00} %");
            var totals = CoverageSummaryReport.Read(summaryPath);
            context.Information("{0}", $"Frontend coverage: {string.Join(", ", totals.Metrics.Select(Figure))}; " +
                $"threshold {threshold} % each (Cobertura in {System.IO.Path.GetDirectoryName(summaryPath)})");
            var below = totals.Metrics.Where(m => m.Percent < threshold).Select(Figure).ToList();
            if (below.Count > 0)
            {
                failures.Add($"coverage is below the threshold of {threshold} % (--{ArgumentNames.CoverageThreshold}): {string.Join(", ", below)}");
            }
        }
        else if (!failures.Any)
        {
            failures.Add($"vitest wrote no coverage summary ({summary.FullPath}); its output is above");
        }

        TestResults.CheckExitCode(failures, "vitest", result);
        failures.ThrowIfAny();
    }
}
