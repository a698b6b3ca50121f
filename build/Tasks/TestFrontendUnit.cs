namespace Build.Tasks;

[TaskName(TargetNames.TestFrontendUnit)]
public sealed class TestFrontendUnit : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var threshold = context.RequireCoverageThreshold();
        var frontend = context.RequireFrontend();
        var reports = context.ArtifactDirectory(SovdPipeline.FrontendUnitReports);
        var junit = reports.CombineWithFilePath("junit.xml");
        var coverage = reports.Combine("coverage");
        ToolPreflight.Ensure(context, NodeModules.Requirements);
        NodeModules.EnsureInstalled(context, frontend);

        ReportFolder.Reset(context, reports);
        var result = context.NpmRun(new NpmRunSettings
        {
            WorkingDirectory = frontend,
            Script = "test:coverage",
            Arguments = VitestArguments(junit, coverage, threshold),
            ThrowOnNonZeroExit = false,
        });
        TestReports.JudgeUnitTests(context, SovdPipeline.TestFrontendUnit, "Frontend unit tests", "vitest", result,
            junit,
            coverage.CombineWithFilePath("coverage-summary.json"), path => Coverage(context, path, threshold));
    }

    /// <summary>
    /// Reporters, report paths and thresholds on the command line, so the pipeline's settings win over vite.config.ts.
    /// </summary>
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

    private static string? Coverage(BuildContext context, string summary, int threshold)
    {
        static string Figure((string Metric, decimal Percent) m) =>
            string.Create(CultureInfo.InvariantCulture, $"{m.Metric} {m.Percent:0.00} %");
        var totals = CoverageSummaryReport.Read(summary);
        context.Information("{0}", $"Frontend coverage: {string.Join(", ", totals.Metrics.Select(Figure))}; " +
            $"threshold {threshold} % each (Cobertura in {Path.GetDirectoryName(summary)})");
        var below = totals.Metrics.Where(m => m.Percent < threshold).Select(Figure).ToList();
        return below.Count > 0
            ? $"coverage is below the threshold of {threshold} % " +
                $"(--{ArgumentNames.CoverageThreshold}): {string.Join(", ", below)}"
            : null;
    }
}
