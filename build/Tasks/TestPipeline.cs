using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Test;

namespace Build.Tasks;

/// <summary>
/// The repository's own tests. No tool preflight: the .NET SDK that runs this host is the one that runs the tests.
/// After them, NuGet's advisories of the restored solution are listed (<see cref="NuGetAudit"/>): reported in every
/// run, failing only the scheduled one.
/// </summary>
[TaskName(TargetNames.TestPipeline)]
public sealed class TestPipeline : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var filter = context.TestFilter();
        var reports = context.ArtifactDirectory(SovdPipeline.PipelineTestReports);
        int? exitCode = null;
        var test = new DotNetTestSettings
        {
            Filter = filter,
            // A prefix (not a file name): every test project of the solution writes its own .trx instead of overwriting
            // one file.
            Loggers = ["trx;LogFilePrefix=pipeline"],
            ResultsDirectory = reports,
            // The exit code is judged below, together with the TRX counters, for a message that names the failed tests.
            HandleExitCode = code =>
            {
                exitCode = code;
                return true;
            },
        };
        context.Information("{0}",
            filter is null ? "Test filter: none (every test)"
            : $"Test filter: {filter} (--{ArgumentNames.TestFilter})");
        ReportFolder.Reset(context, reports);
        context.DotNetTest(context.RepoRoot.CombineWithFilePath(Repository.Solution).FullPath, test);
        Judge(context, exitCode ?? 0, reports);
        if (!context.DryRun)
        {
            NuGetAudit.Run(context, SovdPipeline.TestPipeline.Name);
        }
    }

    /// <summary>
    /// Judges <c>dotnet test</c> from the TRX files under <paramref name="reports"/>, naming the failed tests; a dry
    /// run wrote none.
    /// </summary>
    private static void Judge(BuildContext context, int exitCode, DirectoryPath reports)
    {
        if (context.DryRun)
        {
            return;
        }
        var folder = reports.FullPath;
        var directory = context.FileSystem.GetDirectory(reports);
        string[] files = directory.Exists
            ? [.. directory.GetFiles("*.trx", SearchScope.Recursive).Select(file => file.Path.FullPath).Order(
                StringComparer.Ordinal)]
            : [];
        var results = TrxReport.Read(files);
        context.Information("{0}",
            $"Pipeline tests: {results.Passed} passed, {results.Failed} failed, {results.NotExecuted} not run, in " +
            $"{files.Length} TRX file(s) under {folder}");
        if (results.Failed > 0)
        {
            throw new CakeException(
                $"{SovdPipeline.TestPipeline.Name} failed: {results.Failed} of {results.Total} tests " +
                $"failed: {string.Join("; ", results.FailedTests.Take(10))}");
        }
        if (exitCode != 0)
        {
            throw new CakeException(
                $"{SovdPipeline.TestPipeline.Name} failed: dotnet test exited with code {exitCode} (a build error or " +
                $"a test host crash; its output is above).");
        }
        if (results.Total == 0)
        {
            throw new CakeException(
                $"{SovdPipeline.TestPipeline.Name} failed: no test ran (no TRX results in {folder}); does " +
                $"--{ArgumentNames.TestFilter} match any test?");
        }
    }
}
