namespace Build.Tasks.StageHelpers;

/// <summary>
/// Judges a unit-test stage from the reports its tool wrote: the totals, the failed tests, the coverage, and an exit
/// code none of them explains (a crash, a usage error). A dry run ran no tool and wrote no report, so it judges
/// nothing.
/// </summary>
internal static class TestReports
{
    /// <param name="coverage">Reads the coverage report: prints its figures, returns why it fails the stage or
    /// null.</param>
    public static void JudgeUnitTests(
        BuildContext context, Stage stage, string suite, string tool, ToolResult result, FilePath junit,
            FilePath coverageReport, Func<string, string?> coverage)
    {
        if (context.DryRun)
        {
            return;
        }
        var failures = new StageFailures(stage);
        var path = junit.FullPath;
        if (!context.FileSystem.Exist(junit))
        {
            failures.Add(
                $"{tool} wrote no JUnit report ({junit.FullPath}); exit code {result.ExitCode}, its output is above");
        }
        else
        {
            var tests = JUnitReport.Read(path);
            context.Information("{0}",
                $"{suite}: {tests.Passed} passed, {tests.Failed} failed, {tests.Skipped} skipped (JUnit: {path})");
            if (tests.Failed > 0)
            {
                failures.Add(
                    $"{tests.Failed} of {tests.Tests} tests failed: {string.Join("; ", tests.FailedTests.Take(10))}");
            }
            else if (tests.Tests == 0)
            {
                failures.Add($"{tool} ran no tests");
            }
        }

        var coverageWritten = context.FileSystem.Exist(coverageReport);
        if (coverageWritten && coverage(coverageReport.FullPath) is { } below)
        {
            failures.Add(below);
        }
        else if (!coverageWritten && !failures.Any)
        {
            failures.Add($"{tool} wrote no coverage report ({coverageReport.FullPath}); its output is above");
        }

        if (!result.Succeeded && !failures.Any)
        {
            failures.Add($"{tool} exited with code {result.ExitCode} (its output is above)");
        }
        failures.ThrowIfAny();
    }
}
