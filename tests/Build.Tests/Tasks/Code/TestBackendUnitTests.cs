using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Build.Tests.Support;
using Build.Tests.Tasks.Code.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Code;

/// <summary>Test-Backend-Unit with real pytest and pytest-cov.</summary>
[Trait("Requires", "python")]
public sealed partial class TestBackendUnitTests
{
    private static readonly string Reports = TestArtifacts.Of(SovdPipeline.BackendUnitReports);

    [Fact]
    public async Task TestBackendUnit_ShippedSample_PassesPrintsCoverageAndWritesJUnitAndCobertura()
    {
        var result = await CodeStage.RunAsync("Test-Backend-Unit");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().MatchRegex(@"Backend unit tests: \d+ passed, 0 failed")
            .And.Contain("Backend coverage: 100.00 % of lines and branches").And.Contain("threshold 80 %");
        var junit = XDocument.Load(Path.Combine(Reports, "junit.xml"));
        junit.Descendants("testcase").Should().NotBeEmpty();
        XDocument.Load(Path.Combine(Reports, "coverage.xml")).Root!.Attribute("line-rate")!.Value.Should().Be("1");
        File.Exists(Path.Combine(RepoPaths.App, "backend", ".coverage")).Should().BeFalse("coverage data goes to the reports folder");
    }

    [Fact]
    public async Task TestBackendUnit_PlantedFailingTest_FailsNamingTheTest()
    {
        using var app = AppCopy.Of("backend").Write(
            "backend/tests/unit/test_planted.py",
            "def test_planted_failure() -> None:\n    assert 1 + 1 == 3\n");

        var result = await CodeStage.RunAsync("Test-Backend-Unit", app.Root);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("FAILED tests/unit/test_planted.py::test_planted_failure")
            .And.MatchRegex(@"Test-Backend-Unit failed: 1 of \d+ tests failed: tests\.unit\.test_planted > test_planted_failure");
        XDocument.Load(Path.Combine(Reports, "junit.xml")).Descendants("failure").Should().ContainSingle();
    }

    [Fact]
    public async Task TestBackendUnit_CoverageBelowThreshold_FailsWithTheFigure_AndALowerThresholdArgumentPasses()
    {
        // Only the settings tests left: most of app/ is never run.
        using var app = AppCopy.Of("backend").DeleteExcept("backend/tests/unit", "test_*.py", "test_settings.py");

        var failed = await CodeStage.RunAsync("Test-Backend-Unit", app.Root);
        var figure = decimal.Parse(CoverageFigure().Match(failed.Output).Groups[1].Value, CultureInfo.InvariantCulture);
        var lowered = await CodeStage.RunAsync("Test-Backend-Unit", app.Root, [$"--coverage-threshold={(int)Math.Floor(figure)}"]);

        failed.ExitCode.Should().NotBe(0, failed.ToString());
        figure.Should().BeLessThan(80);
        failed.Output.Should().Contain($"Test-Backend-Unit failed: coverage {figure.ToString("0.00", CultureInfo.InvariantCulture)} % is below the threshold of 80 % (--coverage-threshold)");
        lowered.ExitCode.Should().Be(0, lowered.ToString());
        lowered.Output.Should().Contain($"threshold {(int)Math.Floor(figure)} %");
    }

    [Fact]
    public async Task TestBackendUnit_CoverageThresholdOver100_FailsBeforePytestRuns()
    {
        var result = await CodeStage.RunAsync("Test-Backend-Unit", arguments: ["--coverage-threshold=101"]);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("--coverage-threshold=101 is out of range: give a percentage from 0 to 100")
            .And.NotContain("test session starts");
    }

    [Fact]
    public async Task TestBackendUnit_DryRun_PrintsThePytestCommandAndLeavesTheReportsAlone()
    {
        Directory.CreateDirectory(Reports);
        var marker = Path.Combine(Reports, "dry-run-marker");
        File.WriteAllText(marker, "kept");

        var result = await CodeStage.RunAsync("Test-Backend-Unit", arguments: ["--dryrun", "--coverage-threshold=90"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain(
            $"[dry-run] {CodeStage.Python} -m pytest -p no:cacheprovider --cov=app --cov-report=xml:{Reports}/coverage.xml " +
            $"--cov-report=term --cov-fail-under=90 --junitxml={Reports}/junit.xml tests/unit (in {RepoPaths.App}/backend)");
        File.Exists(marker).Should().BeTrue("a dry run changes nothing");
        File.Delete(marker);
    }

    [GeneratedRegex(@"Backend coverage: ([0-9.]+) %")]
    private static partial Regex CoverageFigure();
}
