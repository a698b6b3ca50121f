namespace Build.Tasks.StageHelpers;

/// <summary>
/// Judges a test stage from the reports its tool wrote: the totals, the failed tests, and an exit code neither explains
/// (a crash, a usage error). A dry run ran no tool and wrote no report, so it judges nothing.
/// </summary>
internal static class TestReports
{
    /// <param name="coverage">Reads the coverage report: prints its figures, returns why it fails the stage or null.</param>
    public static void JudgeUnitTests(
        BuildContext context, Stage stage, string suite, string tool, ToolResult result, FilePath junit, FilePath coverageReport, Func<string, string?> coverage)
    {
        if (context.DryRun)
        {
            return;
        }
        var failures = new StageFailures(stage);
        if (ReportFolder.Existing(junit) is not { } path)
        {
            failures.Add($"{tool} wrote no JUnit report ({junit.FullPath}); exit code {result.ExitCode}, its output is above");
        }
        else
        {
            var tests = JUnitReport.Read(path);
            context.Information("{0}", $"{suite}: {tests.Passed} passed, {tests.Failed} failed, {tests.Skipped} skipped (JUnit: {path})");
            if (tests.Failed > 0)
            {
                failures.Add($"{tests.Failed} of {tests.Tests} tests failed: {string.Join("; ", tests.FailedTests.Take(10))}");
            }
            else if (tests.Tests == 0)
            {
                failures.Add($"{tool} ran no tests");
            }
        }

        var coveragePath = ReportFolder.Existing(coverageReport);
        if (coveragePath is not null && coverage(coveragePath) is { } below)
        {
            failures.Add(below);
        }
        else if (coveragePath is null && !failures.Any)
        {
            failures.Add($"{tool} wrote no coverage report ({coverageReport.FullPath}); its output is above");
        }

        if (!result.Succeeded && !failures.Any)
        {
            failures.Add($"{tool} exited with code {result.ExitCode} (its output is above)");
        }
        failures.ThrowIfAny();
    }

    /// <summary>Judges <c>dotnet test</c> from the TRX files under <paramref name="reports"/>, naming the failed tests.</summary>
    public static void JudgeTrx(BuildContext context, Stage stage, int exitCode, DirectoryPath reports)
    {
        if (context.DryRun)
        {
            return;
        }
        var folder = reports.FullPath;
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.trx", SearchOption.AllDirectories) : [];
        var results = TrxReport.Read(files);
        context.Information("{0}", $"Pipeline tests: {results.Passed} passed, {results.Failed} failed, {results.NotExecuted} not run, in {files.Length} TRX file(s) under {folder}");
        if (results.Failed > 0)
        {
            throw new CakeException($"{stage.Name} failed: {results.Failed} of {results.Total} tests failed: {string.Join("; ", results.FailedTests.Take(10))}");
        }
        if (exitCode != 0)
        {
            throw new CakeException($"{stage.Name} failed: dotnet test exited with code {exitCode} (a build error or a test host crash; its output is above).");
        }
        if (results.Total == 0)
        {
            throw new CakeException($"{stage.Name} failed: no test ran (no TRX results in {folder}); does --{ArgumentNames.TestFilter} match any test?");
        }
    }
}
