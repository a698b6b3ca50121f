using Build.Tools.Reports;
using Cake.Core.IO;

namespace Build.Tasks.Code;

/// <summary>Reads a unit-test stage's JUnit report: prints the totals and records failed tests or a missing report.</summary>
internal static class TestResults
{
    public static void Check(BuildContext context, StageFailures failures, string suite, string tool, ToolResult result, FilePath junit)
    {
        if (ReportFolder.Existing(junit) is not { } path)
        {
            failures.Add($"{tool} wrote no JUnit report ({junit.FullPath}); exit code {result.ExitCode}, its output is above");
            return;
        }
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

    /// <summary>A non-zero exit that neither a failed test nor the coverage explains (a crash, a usage error).</summary>
    public static void CheckExitCode(StageFailures failures, string tool, ToolResult result)
    {
        if (!result.Succeeded && !failures.Any)
        {
            failures.Add($"{tool} exited with code {result.ExitCode} (its output is above)");
        }
    }
}
