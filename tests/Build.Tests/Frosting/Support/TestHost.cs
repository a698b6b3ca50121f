using Build.Frosting.Additions;
using Build.Frosting;
using Microsoft.Extensions.DependencyInjection;

namespace Build.Tests.Frosting.Support;

/// <summary>A host over exactly the given task types, with a capturing console and no CI environment leaking in.</summary>
public sealed class TestHost
{
    public TestHost(params Type[] tasks)
    {
        Host = new CakeHost()
            .UseContext<ProbeContext>()
            .UseTasks(tasks)
            .UseConsole(Console)
            .ConfigureServices(services => services.AddSingleton(Probe))
            .UseEnvironmentVariable("GITHUB_ACTIONS", null)
            .UseEnvironmentVariable("GITHUB_STEP_SUMMARY", null)
            .UseEnvironmentVariable("NO_COLOR", "1");
    }

    public CakeHost Host { get; }

    public CapturingConsole Console { get; } = new();

    public Probe Probe { get; } = new();

    public HostResult Run(params string[] args)
    {
        var exitCode = Host.Run(args);
        return new HostResult(exitCode, Console.Output, Console.Errors, Probe);
    }
}
