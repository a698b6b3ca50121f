using Build.Tests.Tools.Support;
using Build.Tools.Trivy;

namespace Build.Tests.Tools.Trivy;

public sealed class TrivyRunnerTests
{
    private static TrivySettings Sarif => new()
    {
        Image = "ghcr.io/o/api:1.2.3",
        Severities = [TrivySeverity.Critical],
        Format = TrivyFormat.Sarif,
        OutputFile = "/out/trivy-api.sarif",
        IgnoreUnfixed = true,
    };

    [Fact]
    public void TrivyImage_SarifRun_RendersTheLineWithTheImageLast()
    {
        using var fixture = new ToolFixture();

        fixture.Context.TrivyImage(Sarif);

        fixture.Runner.Single.Arguments.Should().Be(
            "image --severity CRITICAL --format sarif --output /out/trivy-api.sarif --ignore-unfixed ghcr.io/o/api:1.2.3");
    }

    [Fact]
    public void TrivyImage_TableRun_RendersSeveritiesInGivenOrder()
    {
        using var fixture = new ToolFixture();

        var scan = fixture.Context.TrivyImage(new TrivySettings
        {
            Image = "api:1",
            Severities = [TrivySeverity.Critical, TrivySeverity.High],
            Format = TrivyFormat.Table,
            SkipDbUpdate = true,
        });

        fixture.Runner.Single.Arguments.Should().Be("image --severity CRITICAL,HIGH --format table --skip-db-update api:1");
        scan.Outcome.Should().Be(TrivyOutcome.Passed);
    }

    [Fact]
    public void TrivyImage_WhenTheDatabaseCannotBeDownloaded_ReportsDatabaseUnreachable_NotAPass()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("image", new ProcessReply(ExitCode: 1, Error:
        [
            "2024-05-01T10:00:00Z\tINFO\tNeed to update DB",
            "2024-05-01T10:00:01Z\tFATAL\tinit error: DB error: failed to download vulnerability DB: dial tcp: lookup ghcr.io: no such host",
        ]));

        var scan = fixture.Context.TrivyImage(Sarif);

        scan.Outcome.Should().Be(TrivyOutcome.DatabaseUnreachable);
        scan.Message.Should().StartWith("vulnerability database unreachable: ").And.Contain("failed to download vulnerability DB");
    }

    [Fact]
    public void TrivyImage_NonZeroExitWithoutFatalLine_JudgesByTheWholeErrorOutput()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("image", new ProcessReply(ExitCode: 1, Error: ["2024-05-01T10:00:00Z\tINFO\tDownloading vulnerability DB..."]));

        fixture.Context.TrivyImage(Sarif).Outcome.Should().Be(TrivyOutcome.DatabaseUnreachable);
    }

    [Fact]
    public void TrivyImage_WhenTheImageIsMissing_ReportsFailedWithTrivysMessage()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("image", new ProcessReply(ExitCode: 1, Error: ["FATAL\tscan error: unable to find the specified image \"api:9\""]));

        var scan = fixture.Context.TrivyImage(Sarif);

        scan.Outcome.Should().Be(TrivyOutcome.Failed);
        scan.Message.Should().Be("trivy failed (exit code 1): FATAL\tscan error: unable to find the specified image \"api:9\"");
    }

    [Fact]
    public void TrivyImage_AFailedScan_IsReturnedNotThrown_SoTheStageCanNameIt()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("image", new ProcessReply(ExitCode: 1, Error: ["FATAL\tDB error: failed to download vulnerability DB"]));

        var scan = fixture.Context.TrivyImage(new TrivySettings { Image = "api:1" });

        scan.Message.Should().StartWith("vulnerability database unreachable: ");
    }
}
