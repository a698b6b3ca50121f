using Build.Tests.Tools.Support;
using Build.Tools;
using Build.Tools.Python;

namespace Build.Tests.Tools.Python;

public sealed class PytestRunnerTests
{
    [Fact]
    public void Pytest_WithCoverageAndJUnit_RendersModuleCallAndOptionsInFixedOrder()
    {
        using var fixture = new ToolFixture();

        fixture.Context.Pytest(new PytestSettings
        {
            PythonPath = fixture.Python,
            TestPaths = ["tests/unit", "tests/api"],
            CoveragePackages = ["app"],
            CoverageXmlReport = "/out/coverage.xml",
            CoverageTerminalReport = true,
            CoverageFailUnder = 80,
            JUnitXml = "/out/junit.xml",
        });

        var call = fixture.Runner.Single;
        call.Tool.FullPath.Should().Be(fixture.Python.FullPath);
        call.Arguments.Should().Be(
            "-m pytest -p no:cacheprovider --cov=app --cov-report=xml:/out/coverage.xml --cov-report=term " +
            "--cov-fail-under=80 --junitxml=/out/junit.xml tests/unit tests/api");
    }

    [Fact]
    public void Pytest_WithExtraEnvironment_PassesItToTheProcess()
    {
        using var fixture = new ToolFixture();

        fixture.Context.Pytest(new PytestSettings
        {
            PythonPath = fixture.Python,
            TestPaths = ["tests"],
            EnvironmentVariables = new Dictionary<string, string> { ["API_BASE_URL"] = "http://127.0.0.1:8000" },
        });

        fixture.Runner.Single.Variable("API_BASE_URL").Should().Be("http://127.0.0.1:8000");
    }

    [Fact]
    public void Pytest_WhenTestsFail_ReturnsTheExitCodeInsteadOfThrowing()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("-m pytest", new ProcessReply(ExitCode: 1));

        var result = fixture.Context.Pytest(new PytestSettings { PythonPath = fixture.Python, TestPaths = ["tests"] });

        result.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Pytest_WhenAskedToThrow_ThrowsOnFailingTests()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("-m pytest", new ProcessReply(ExitCode: 1));

        var act = () => fixture.Context.Pytest(new PytestSettings { PythonPath = fixture.Python, TestPaths = ["tests"], ThrowOnNonZeroExit = true });

        act.Should().Throw<Cake.Core.CakeException>().WithMessage("python -m pytest: process returned exit code 1 (python3 -m pytest -p no:cacheprovider tests).");
    }
}
