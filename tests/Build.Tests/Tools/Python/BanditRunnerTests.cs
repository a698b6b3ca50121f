using Build.Tests.Tools.Support;
using Build.Tools;
using Build.Tools.Python;

namespace Build.Tests.Tools.Python;

public sealed class BanditRunnerTests
{
    [Fact]
    public void Bandit_QuietJsonReport_RendersFormatFileAndQuietAfterThePaths()
    {
        using var fixture = new ToolFixture();

        fixture.Context.Bandit(new BanditSettings
        {
            PythonPath = fixture.Python,
            Paths = ["app"],
            OutputFile = "/out/bandit.json",
        });

        fixture.Runner.Single.Arguments.Should().Be("-m bandit -r app -f json -o /out/bandit.json -q");
    }

    [Fact]
    public void Bandit_ScreenRun_RendersScreenFormatWithoutOutputFile()
    {
        using var fixture = new ToolFixture();

        fixture.Context.Bandit(new BanditSettings { PythonPath = fixture.Python, Paths = ["app"] });

        fixture.Runner.Single.Arguments.Should().Be("-m bandit -r app -f screen -q");
    }
}
