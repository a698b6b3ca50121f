namespace Build.Tasks;

[TaskName(TargetNames.TestBackendUnit)]
public sealed class TestBackendUnit : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var threshold = context.RequireCoverageThreshold();
        var reports = context.ArtifactDirectory(SovdPipeline.BackendUnitReports);
        var pytest = new PytestSettings
        {
            PythonPath = context.HostTools.PythonPath,
            WorkingDirectory = context.RequireBackend(),
            TestPaths = ["tests/unit"],
            CoveragePackages = ["app"],
            CoverageXmlReport = reports.CombineWithFilePath("coverage.xml"),
            CoverageTerminalReport = true,
            // Passed explicitly so the pipeline's threshold wins over fail_under in pyproject.toml.
            CoverageFailUnder = threshold,
            JUnitXml = reports.CombineWithFilePath("junit.xml"),
            // Coverage's data file goes with the reports instead of into the source tree.
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["COVERAGE_FILE"] = reports.CombineWithFilePath(".coverage").FullPath,
            },
        };
        ToolPreflight.Ensure(context, PytestSettings.Spec.Requirement(pytest) with
        {
            Name = "pytest (with pytest-cov)",
            InstallHint = context.PythonInstallHint("pytest and pytest_cov"),
        });

        ReportFolder.Reset(context, reports);
        var result = context.Pytest(pytest);
        TestReports.JudgeUnitTests(context, SovdPipeline.TestBackendUnit, "Backend unit tests", "pytest", result,
            pytest.JUnitXml!, pytest.CoverageXmlReport!,
            path => Coverage(context, path, threshold));
    }

    private static string? Coverage(BuildContext context, string path, int threshold)
    {
        var coverage = CoberturaReport.Read(path);
        var percent = coverage.CombinedPercent.ToString("0.00", CultureInfo.InvariantCulture);
        var parts =
            string.Create(CultureInfo.InvariantCulture,
            $"lines {coverage.LinePercent:0.00} %, branches {coverage.BranchPercent:0.00} %");
        context.Information("{0}",
            $"Backend coverage: {percent} % of lines and branches ({parts}); threshold {threshold} % " +
            $"(Cobertura: {path})");
        return coverage.CombinedPercent < threshold
            ? $"coverage {percent} % is below the threshold of {threshold} % (--{ArgumentNames.CoverageThreshold})"
            : null;
    }
}
