using Build.Settings;
using Build.Tests.Settings.Support;
using Cake.Core;

namespace Build.Tests.Settings;

/// <summary>The code stages' settings built in-process; the errors are the ones the host prints (TestBackendUnitTests).</summary>
public sealed class CodeSettingsTests
{
    [Fact]
    public void RequireCoverageThreshold_Above100_SaysTheRange()
    {
        var context = SettingsContext.Build(["--coverage-threshold=101", "--python=/usr/bin/python3"]);

        var thrown = () => context.RequireCoverageThreshold();

        thrown.Should().Throw<CakeException>().WithMessage("--coverage-threshold=101 is out of range: give a percentage from 0 to 100 (default 80).");
    }

    [Fact]
    public void From_TestFilterVariable_IsTheDefaultAndAnEmptyArgumentRunsEveryTest()
    {
        var variables = new Dictionary<string, string> { ["PIPELINE_TEST_FILTER"] = "Category=Fast", ["PIPELINE_PYTHON"] = "/usr/bin/python3" };

        SettingsContext.Build([], variables).TestFilter().Should().Be("Category=Fast");
        SettingsContext.Build(["--test-filter="], variables).TestFilter().Should().BeNull();
        SettingsContext.Build(["--python=/usr/bin/python3"]).TestFilter().Should().Be(CodeSettings.DefaultTestFilter);
    }

    [Fact]
    public void Python_PipelinePythonSet_UsesItAndNamesTheVariable()
    {
        var context = SettingsContext.Build([], new() { ["PIPELINE_PYTHON"] = "/usr/bin/python3" });

        context.HostTools.Python.Line.Should().Be("python: /usr/bin/python3 (PIPELINE_PYTHON)");
        context.HostTools.PythonPath.FullPath.Should().Be("/usr/bin/python3");
    }

    [Fact]
    public void RequireBackend_AppRootWithoutBackend_NamesTheArgument()
    {
        var context = SettingsContext.Build(["--app-root=/nonexistent", "--python=/usr/bin/python3"]);

        var thrown = () => context.RequireBackend();

        thrown.Should().Throw<CakeException>().WithMessage("No pyproject.toml in /nonexistent/backend: --app-root must point at the app (the folder with backend/ and frontend/).");
    }
}
