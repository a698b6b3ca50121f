using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Build.Tests.Support;
using Build.Tests.Tasks.Code.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Code;

/// <summary>Test-Frontend-Unit with the frontend's real vitest and v8 coverage.</summary>
[Trait("Requires", "node")]
public sealed partial class TestFrontendUnitTests
{
    private static readonly string Reports = TestArtifacts.Of(SovdPipeline.FrontendUnitReports);

    [Fact]
    public async Task TestFrontendUnit_ShippedSample_PassesPrintsCoverageAndWritesJUnitAndCobertura()
    {
        var result = await CodeStage.RunAsync("Test-Frontend-Unit");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().MatchRegex(@"Frontend unit tests: \d+ passed, 0 failed")
            .And.Contain("Frontend coverage: lines 100.00 %, functions 100.00 %, statements 100.00 %, branches 100.00 %; threshold 80 % each");
        XDocument.Load(Path.Combine(Reports, "junit.xml")).Descendants("testcase").Should().NotBeEmpty();
        XDocument.Load(Path.Combine(Reports, "coverage", "cobertura-coverage.xml")).Root!.Attribute("line-rate")!.Value.Should().Be("1");
    }

    [Fact]
    public async Task TestFrontendUnit_PlantedFailingTest_FailsNamingTheTest()
    {
        // The slow component tests are left out and the threshold set to 0, so only the planted test can fail the run.
        using var app = AppCopy.Of("frontend")
            .DeleteExcept("frontend/src", "*.test.tsx")
            .Write("frontend/src/api/planted.test.ts", """
                import { describe, expect, it } from 'vitest';

                describe('planted', () => {
                  it('fails on purpose', () => {
                    expect(1 + 1).toBe(3);
                  });
                });

                """);

        var result = await CodeStage.RunAsync("Test-Frontend-Unit", app.Root, ["--coverage-threshold=0"]);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("AssertionError: expected 2 to be 3")
            .And.MatchRegex(@"Test-Frontend-Unit failed: 1 of \d+ tests failed: src/api/planted\.test\.ts > planted > fails on purpose");
        XDocument.Load(Path.Combine(Reports, "junit.xml")).Descendants("failure").Should().ContainSingle();
    }

    [Fact]
    public async Task TestFrontendUnit_CoverageBelowThreshold_FailsNamingTheMetrics_AndALowerThresholdArgumentPasses()
    {
        using var app = AppCopy.Of("frontend").DeleteExcept("frontend/src", "*.test.ts*", "parameters.test.ts");

        var failed = await CodeStage.RunAsync("Test-Frontend-Unit", app.Root);
        var lowest = Figures().Matches(failed.Output).Select(match => decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).Min();
        var lowered = await CodeStage.RunAsync("Test-Frontend-Unit", app.Root, [$"--coverage-threshold={(int)Math.Floor(lowest)}"]);

        failed.ExitCode.Should().NotBe(0, failed.ToString());
        failed.Output.Should().Contain("ERROR: Coverage for lines")
            .And.MatchRegex(@"Test-Frontend-Unit failed: coverage is below the threshold of 80 % \(--coverage-threshold\): lines [0-9.]+ %");
        failed.Output.Should().MatchRegex(@"Frontend unit tests: \d+ passed, 0 failed");
        lowered.ExitCode.Should().Be(0, lowered.ToString());
    }

    [Fact]
    public async Task TestFrontendUnit_DryRun_PassesThresholdsAndReportPathsOnTheCommandLine()
    {
        var result = await CodeStage.RunAsync("Test-Frontend-Unit", arguments: ["--dryrun", "--coverage-threshold=85"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain(
            $"npm run test:coverage -- --reporter=default --reporter=junit --outputFile.junit={Reports}/junit.xml " +
            $"--coverage.reportsDirectory={Reports}/coverage --coverage.reporter=text --coverage.reporter=cobertura --coverage.reporter=json-summary " +
            "--coverage.thresholds.lines=85 --coverage.thresholds.functions=85 --coverage.thresholds.statements=85 --coverage.thresholds.branches=85 " +
            $"(in {RepoPaths.App}/frontend)");
    }

    [GeneratedRegex(@"(?:lines|functions|statements|branches) ([0-9.]+) %")]
    private static partial Regex Figures();
}
