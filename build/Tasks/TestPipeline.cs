using Build.Tasks.Code;
using Build.Tools.Reports;
using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Test;

namespace Build.Tasks;

/// <summary>
/// The repository's own tests. No tool preflight: the .NET SDK that runs this host is the one that runs the tests.
/// </summary>
[TaskName("Test-Pipeline")]
public sealed class TestPipeline : FrostingTask<BuildContext>
{
    // A prefix (not a file name): every test project of the solution writes its own .trx instead of overwriting one file.
    private const string TrxLogger = "trx;LogFilePrefix=pipeline";

    public override void Run(BuildContext context)
    {
        var settings = CodeSettings.From(context);
        var reports = context.ArtifactDirectory(SovdPipeline.PipelineTestReports);
        int? exitCode = null;
        var test = new DotNetTestSettings
        {
            Filter = settings.TestFilter,
            Loggers = [TrxLogger],
            ResultsDirectory = reports,
            // The exit code is judged below, together with the TRX counters, for a message that names the failed tests.
            HandleExitCode = code =>
            {
                exitCode = code;
                return true;
            },
        };
        context.Information("{0}", settings.TestFilter is null ? "Test filter: none (every test)" : $"Test filter: {settings.TestFilter} (--{ArgumentNames.TestFilter})");
        ReportFolder.Reset(context, reports);
        context.DotNetTest(settings.Solution.FullPath, test);
        if (context.DryRun)
        {
            return;
        }
        Judge(context, exitCode ?? 0, reports.FullPath);
    }

    private static void Judge(BuildContext context, int exitCode, string reports)
    {
        var files = Directory.Exists(reports) ? Directory.GetFiles(reports, "*.trx", SearchOption.AllDirectories) : [];
        var results = TrxReport.Read(files);
        context.Information("{0}", $"Pipeline tests: {results.Passed} passed, {results.Failed} failed, {results.NotExecuted} not run, in {files.Length} TRX file(s) under {reports}");
        if (results.Failed > 0)
        {
            throw new CakeException($"Test-Pipeline failed: {results.Failed} of {results.Total} tests failed: {string.Join("; ", results.FailedTests.Take(10))}");
        }
        if (exitCode != 0)
        {
            throw new CakeException($"Test-Pipeline failed: dotnet test exited with code {exitCode} (a build error or a test host crash; its output is above).");
        }
        if (results.Total == 0)
        {
            throw new CakeException($"Test-Pipeline failed: no test ran (no TRX results in {reports}); does --{ArgumentNames.TestFilter} match any test?");
        }
    }
}
