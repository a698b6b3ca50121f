using Build.Tests.Tools.Support;
using Build.Tools;
using Build.Tools.Python;

namespace Build.Tests.Tools.Python;

public sealed class LinterRunnerTests
{
    [Fact]
    public void Black_ByDefault_ChecksAndPrintsTheDiffWithoutRewritingFiles()
    {
        using var fixture = new ToolFixture();

        fixture.Context.Black(new BlackSettings { PythonPath = fixture.Python, Paths = ["app", "tests"] });

        fixture.Runner.Single.Arguments.Should().Be("-m black --check --diff app tests");
    }

    [Fact]
    public void Black_WhenFilesWouldBeReformatted_ReturnsExitCodeOneWithoutThrowing()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("-m black", new ProcessReply(ExitCode: 1));

        fixture.Context.Black(new BlackSettings { PythonPath = fixture.Python, Paths = ["app"] }).ExitCode.Should().Be(1);
    }

    [Fact]
    public void Black_WithoutPaths_ThrowsNamingTheSetting()
    {
        using var fixture = new ToolFixture();

        var act = () => fixture.Context.Black(new BlackSettings { PythonPath = fixture.Python });

        act.Should().Throw<ArgumentException>().WithMessage("BlackSettings.Paths is empty*");
        fixture.Runner.Calls.Should().BeEmpty();
    }

    [Fact]
    public void Mypy_RendersOnlyThePaths_SoPyprojectTomlDecidesStrictness()
    {
        using var fixture = new ToolFixture();

        fixture.Context.Mypy(new MypySettings { PythonPath = fixture.Python, Paths = ["app", "tests"] });

        fixture.Runner.Single.Arguments.Should().Be("-m mypy app tests");
    }

    [Fact]
    public void RuffCheck_WithGitHubFormat_RendersCheckSubcommandAndFormat()
    {
        using var fixture = new ToolFixture();

        fixture.Context.RuffCheck(new RuffSettings { PythonPath = fixture.Python, Paths = ["app", "tests"], GitHubAnnotations = true });

        fixture.Runner.Single.Arguments.Should().Be("-m ruff check --output-format=github app tests");
    }

    [Fact]
    public void RuffCheck_WithoutFormat_LeavesRuffsDefault()
    {
        using var fixture = new ToolFixture();

        fixture.Context.RuffCheck(new RuffSettings { PythonPath = fixture.Python, Paths = ["."] });

        fixture.Runner.Single.Arguments.Should().Be("-m ruff check .");
    }
}
