using Build.Tests.Frosting.Scenarios;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting;

/// <summary>
/// <c>UseCakeSetting</c> as in Cake.Frosting: a default of Cake's configuration that variables and arguments override.
/// The build host sets the tools path with it, because Cake globs <c>&lt;tools path&gt;/**/&lt;tool&gt;</c> before PATH.
/// </summary>
public sealed class CakeHostSettingTests : IDisposable
{
    private readonly DirectoryInfo _tools = Directory.CreateTempSubdirectory("cake-tools-");

    [Fact]
    public void UseCakeSetting_ToolsPath_CakesToolResolutionLooksThere()
    {
        var tool = Path.Combine(_tools.CreateSubdirectory("nested").FullName, ToolsPathTask.Tool);
        File.WriteAllText(tool, string.Empty);
        var host = new TestHost(typeof(ToolsPathTask));
        host.Host.UseCakeSetting("Paths_Tools", _tools.FullName);

        var result = host.Run();

        result.ExitCode.Should().Be(0, result.Errors);
        result.Probe.Events.Should().Equal($"tools={_tools.FullName}", $"resolved={tool}");
    }

    [Fact]
    public void UseCakeSetting_EnvironmentVariableGiven_TheVariableWins()
    {
        var host = new TestHost(typeof(ToolsPathTask));
        host.Host.UseCakeSetting("Paths_Tools", "from-host");
        host.Environment.Set("CAKE_PATHS_TOOLS", _tools.FullName);

        var result = host.Run();

        result.Probe.Events.Should().Equal($"tools={_tools.FullName}", "resolved=none");
    }

    [Fact]
    public void UseCakeSetting_ArgumentGiven_TheArgumentWins()
    {
        var host = new TestHost(typeof(ToolsPathTask));
        host.Host.UseCakeSetting("Paths_Tools", "from-host");

        var result = host.Run($"--paths_tools={_tools.FullName}");

        result.Probe.Events.Should().Equal($"tools={_tools.FullName}", "resolved=none");
    }

    [Fact]
    public void UseCakeSetting_SameKeyTwice_TheLastWins()
    {
        var host = new TestHost(typeof(ToolsPathTask));
        host.Host.UseCakeSetting("Paths_Tools", "first").UseCakeSetting("paths_tools", _tools.FullName);

        var result = host.Run();

        result.Probe.Events.Should().Equal($"tools={_tools.FullName}", "resolved=none");
    }

    public void Dispose() => _tools.Delete(recursive: true);
}
