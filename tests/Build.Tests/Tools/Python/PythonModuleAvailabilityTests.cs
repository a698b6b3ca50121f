using Build.Tests.Tools.Support;
using Build.Tools.Python;

namespace Build.Tests.Tools.Python;

public sealed class PythonModuleAvailabilityTests
{
    [Fact]
    public void IsAvailable_ProbesTheModuleWithFindSpec_SilentlyAndWithoutImportingIt()
    {
        using var fixture = new ToolFixture();

        BlackSettings.Spec.Requirement(new BlackSettings { PythonPath = fixture.Python }).IsAvailable(fixture.Context).Should().BeTrue();

        var call = fixture.Runner.Single;
        call.Arguments.Should().StartWith("-c \"import importlib.util, sys; missing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]")
            .And.EndWith("\" black");
        call.Settings.Silent.Should().BeTrue();
    }

    [Fact]
    public void IsAvailable_WhenTheInterpreterCannotFindTheModule_IsFalse()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("-c", new ProcessReply(ExitCode: 1));

        BlackSettings.Spec.Requirement(new BlackSettings { PythonPath = fixture.Python }).IsAvailable(fixture.Context).Should().BeFalse();
    }

    [Fact]
    public void IsAvailable_WhenTheInterpreterDoesNotExist_IsFalseWithoutStartingAProcess()
    {
        using var fixture = new ToolFixture();

        PytestSettings.Spec.Requirement(new PytestSettings { PythonPath = "/nonexistent/python3" }).IsAvailable(fixture.Context).Should().BeFalse();

        fixture.Runner.Calls.Should().BeEmpty();
    }

    [Fact]
    public void IsAvailable_ForPytestWithCoverage_AlsoRequiresPytestCov()
    {
        using var fixture = new ToolFixture();

        PytestSettings.Spec.Requirement(new PytestSettings { PythonPath = fixture.Python, CoverageFailUnder = 80 }).IsAvailable(fixture.Context);

        fixture.Runner.Calls.Select(call => call.Arguments).Should().Contain(arguments => arguments.EndsWith(" pytest pytest_cov", StringComparison.Ordinal));
    }
}
