using Build.Tests.Tools.Support;
using Build.Tools.Bandit;

namespace Build.Tests.Tools.Python;

public sealed class BanditRunnerTests
{
    [Fact]
    public void Bandit_JsonReportWithThresholds_RendersRepeatedLevelFlagsUnderstoodByEveryBanditVersion()
    {
        using var fixture = new ToolFixture();

        fixture.Context.Bandit(new BanditSettings
        {
            PythonPath = fixture.Python,
            Paths = ["app"],
            SeverityLevel = BanditLevel.Medium,
            ConfidenceLevel = BanditLevel.High,
            Format = BanditFormat.Json,
            OutputFile = "/out/bandit.json",
            ExcludedPaths = ["app/tests", "app/vendor"],
        });

        fixture.Runner.Single.Arguments.Should().Be("-m bandit -r app -ll -iii -f json -o /out/bandit.json -x app/tests,app/vendor");
    }

    [Fact]
    public void Bandit_ScreenRun_RendersScreenFormatWithoutOutputFile()
    {
        using var fixture = new ToolFixture();

        fixture.Context.Bandit(new BanditSettings { PythonPath = fixture.Python, Paths = ["app"], SeverityLevel = BanditLevel.Low, Format = BanditFormat.Screen });

        fixture.Runner.Single.Arguments.Should().Be("-m bandit -r app -l -f screen");
    }
}
