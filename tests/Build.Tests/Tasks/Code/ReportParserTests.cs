using Build.Tools.Npm;
using Build.Tools.Python;
using Build.Tools.Reports;

namespace Build.Tests.Tasks.Code;

/// <summary>The report readers the code stages judge by, on reports in the tools' own formats.</summary>
public sealed class ReportParserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reports-").FullName;

    [Fact]
    public void JUnitReport_PytestReport_SumsSuitesAndNamesFailedAndErroredTests()
    {
        var path = Write("junit.xml", """
            <testsuites><testsuite name="pytest" errors="1" failures="1" skipped="1" tests="5">
              <testcase classname="tests.unit.test_a" name="test_ok"/>
              <testcase classname="tests.unit.test_a" name="test_bad"><failure message="assert"/></testcase>
              <testcase classname="tests.unit.test_b" name="test_boom"><error message="fixture"/></testcase>
            </testsuite></testsuites>
            """);

        var report = JUnitReport.Read(path);

        report.Should().BeEquivalentTo(new { Tests = 5, Failures = 1, Errors = 1, Skipped = 1, Failed = 2, Passed = 2 });
        report.FailedTests.Should().Equal("tests.unit.test_a > test_bad", "tests.unit.test_b > test_boom");
    }

    [Fact]
    public void CoberturaReport_CoveragePyTotals_CombinesLinesAndBranchesLikeCoveragePy()
    {
        var path = Write("coverage.xml", """<coverage lines-valid="300" lines-covered="240" branches-valid="100" branches-covered="50" line-rate="0.8"/>""");

        var report = CoberturaReport.Read(path);

        report.LinePercent.Should().Be(80m);
        report.BranchPercent.Should().Be(50m);
        report.CombinedPercent.Should().Be(72.5m);
    }

    [Fact]
    public void CoberturaReport_WithoutCounts_SaysItIsNotACoberturaReport()
    {
        var path = Write("other.xml", "<coverage/>");

        var read = () => CoberturaReport.Read(path);

        read.Should().Throw<InvalidDataException>().WithMessage("*has no 'lines-valid' count; is it a Cobertura report?");
    }

    [Fact]
    public void CoverageSummaryReport_IstanbulSummary_ReadsEachTotal_AndUnknownCountsAsCovered()
    {
        var path = Write("coverage-summary.json", """
            {"total": {"lines": {"pct": 61.5}, "statements": {"pct": 60}, "functions": {"pct": "Unknown"}, "branches": {"pct": 45.25}}}
            """);

        var report = CoverageSummaryReport.Read(path);

        report.Should().Be(new CoverageSummaryReport(61.5m, 60m, 100m, 45.25m));
    }

    [Fact]
    public void BanditJsonReport_FindingsAndErrors_FiltersBySeverity()
    {
        var path = Write("bandit.json", """
            {"errors": [{"filename": "app/broken.py", "reason": "syntax error while parsing AST from file"}],
             "results": [
               {"test_id": "B602", "test_name": "subprocess_popen_with_shell_equals_true", "issue_severity": "HIGH", "issue_confidence": "HIGH",
                "filename": "app/planted.py", "line_number": 5, "issue_text": "subprocess call with shell=True identified"},
               {"test_id": "B101", "test_name": "assert_used", "issue_severity": "LOW", "issue_confidence": "HIGH",
                "filename": "app/x.py", "line_number": 2, "issue_text": "Use of assert detected."}]}
            """);

        var report = BanditJsonReport.Read(path);

        report.Issues.Should().HaveCount(2);
        report.HighSeverity.Select(issue => issue.ToString()).Should().Equal(
            "B602 subprocess_popen_with_shell_equals_true (HIGH severity, HIGH confidence) at app/planted.py:5: subprocess call with shell=True identified");
        report.Errors.Should().Equal("app/broken.py: syntax error while parsing AST from file");
    }

    [Fact]
    public void PipAuditJsonReport_VulnerableAndSkippedDependencies_ListsEachVulnerability()
    {
        var path = Write("pip-audit.json", """
            {"dependencies": [
               {"name": "starlette", "version": "0.25.0", "vulns": [{"id": "GHSA-1", "fix_versions": ["0.27.0"]}, {"id": "PYSEC-2", "fix_versions": []}]},
               {"name": "fastapi", "version": "0.92.0", "vulns": []},
               {"name": "local-pkg", "skip_reason": "Dependency not found on PyPI"}],
             "fixes": []}
            """);

        var report = PipAuditJsonReport.Read(path);

        report.Dependencies.Should().Be(3);
        report.Vulnerabilities.Select(vulnerability => vulnerability.ToString()).Should().Equal(
            "starlette==0.25.0: GHSA-1 (fixed in 0.27.0)", "starlette==0.25.0: PYSEC-2 (no fixed version yet)");
        report.Skipped.Should().Equal("local-pkg: Dependency not found on PyPI");
    }

    [Fact]
    public void NpmAuditPackages_Report_ListsPackagesAtOrAboveTheLevelMostSevereFirst()
    {
        const string json = """
            {"vulnerabilities": {"a": {"severity": "high"}, "b": {"severity": "critical"}, "c": {"severity": "low"}}}
            """;

        NpmAuditPackages.AtOrAbove(json, NpmAuditLevel.High).Should().Equal("b (critical)", "a (high)");
        NpmAuditPackages.AtOrAbove("""{"error": {"summary": ""}}""", NpmAuditLevel.Low).Should().BeEmpty();
    }

    [Fact]
    public void TrxReport_TwoProjects_SumsCountersAndNamesFailedTests()
    {
        const string trx = """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results><UnitTestResult testName="A.Passes" outcome="Passed"/><UnitTestResult testName="A.Fails" outcome="Failed"/></Results>
              <ResultSummary outcome="Failed"><Counters total="2" executed="2" passed="1" failed="1" notExecuted="0"/></ResultSummary>
            </TestRun>
            """;
        var paths = new[] { Write("a.trx", trx), Write("b.trx", trx.Replace("A.", "B.")) };

        var report = TrxReport.Read(paths);

        report.Should().BeEquivalentTo(new { Total = 4, Passed = 2, Failed = 2, NotExecuted = 0 });
        report.FailedTests.Should().Equal("A.Fails", "B.Fails");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
