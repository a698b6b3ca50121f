using Build.Tasks.Code;
using Build.Tools.Pytest;
using Build.Tools.Reports;
using Cake.Core.IO;

namespace Build.Tasks;

[TaskName("Test-Backend-Unit")]
public sealed class TestBackendUnit : FrostingTask<BuildContext>
{
    private const string JUnitFile = "junit.xml";
    private const string CoberturaFile = "coverage.xml";

    public override void Run(BuildContext context)
    {
        var settings = CodeSettings.From(context);
        var threshold = settings.RequireCoverageThreshold();
        var backend = settings.RequireBackend();
        var reports = context.ArtifactDirectory(SovdPipeline.BackendUnitReports);
        var junit = reports.CombineWithFilePath(JUnitFile);
        var cobertura = reports.CombineWithFilePath(CoberturaFile);
        var pytest = new PytestSettings
        {
            PythonPath = settings.Python,
            WorkingDirectory = backend,
            TestPaths = ["tests/unit"],
            CoveragePackages = ["app"],
            CoverageXmlReport = cobertura,
            CoverageTerminalReport = true,
            // Passed explicitly so the pipeline's threshold wins over fail_under in pyproject.toml.
            CoverageFailUnder = threshold,
            JUnitXml = junit,
            DisableCacheProvider = true,
            // Coverage's data file goes with the reports instead of into the source tree.
            EnvironmentVariables = new Dictionary<string, string> { ["COVERAGE_FILE"] = reports.CombineWithFilePath(".coverage").FullPath },
        };
        ToolPreflight.Ensure(context, PytestRunner.Spec.Requirement(pytest) with
        {
            Name = "pytest (with pytest-cov)",
            InstallHint = settings.PythonInstallHint("pytest and pytest_cov"),
        });

        ReportFolder.Reset(context, reports);
        var result = context.Pytest(pytest);
        if (context.DryRun)
        {
            return;
        }
        Judge(context, result, junit, cobertura, threshold);
    }

    private static void Judge(BuildContext context, ToolResult result, FilePath junit, FilePath cobertura, int threshold)
    {
        var failures = new StageFailures("Test-Backend-Unit");
        TestResults.Check(context, failures, "Backend unit tests", "pytest", result, junit);

        if (ReportFolder.Existing(cobertura) is { } coberturaPath)
        {
            var coverage = CoberturaReport.Read(coberturaPath);
            var percent = coverage.CombinedPercent.ToString("0.00", CultureInfo.InvariantCulture);
            var parts = string.Create(CultureInfo.InvariantCulture, $"lines {coverage.LinePercent:0.00} %, branches {coverage.BranchPercent:0.00} %");
            context.Information("{0}", $"Backend coverage: {percent} % of lines and branches ({parts}); threshold {threshold} % (Cobertura: {coberturaPath})");
            if (coverage.CombinedPercent < threshold)
            {
                failures.Add($"coverage {percent} % is below the threshold of {threshold} % (--{ArgumentNames.CoverageThreshold})");
            }
        }
        else if (!failures.Any)
        {
            failures.Add($"pytest wrote no coverage report ({cobertura.FullPath}); its output is above");
        }

        TestResults.CheckExitCode(failures, "pytest", result);
        failures.ThrowIfAny();
    }
}
