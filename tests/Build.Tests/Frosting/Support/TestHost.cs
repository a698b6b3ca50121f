using Build.Frosting;
using Build.Tests.Support;
using Cake.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Build.Tests.Frosting.Support;

/// <summary>
/// A host over exactly the given task types, with a capturing console and no CI environment leaking in; all of it
/// registered through ConfigureServices, the way Cake.Frosting's own tests replace services.
/// </summary>
public sealed class TestHost
{
    public TestHost(params Type[] tasks)
    {
        Environment.Set("GITHUB_ACTIONS", null);
        Environment.Set("GITHUB_STEP_SUMMARY", null);
        Environment.Set("NO_COLOR", "1");
        Host = new CakeHost()
            .UseContext<ProbeContext>()
            .ConfigureServices(services =>
            {
                foreach (var task in tasks)
                {
                    services.AddSingleton(typeof(IFrostingTask), task);
                }

                services.AddSingleton<IConsole>(Console);
                services.AddSingleton<ICakeEnvironment>(Environment);
                services.AddSingleton(Probe);
            });
    }

    public CakeHost Host { get; }

    public CapturingConsole Console { get; } = new();

    public TestEnvironment Environment { get; } = new();

    public Probe Probe { get; } = new();

    public HostResult Run(params string[] args)
    {
        var exitCode = Host.Run(args);
        return new HostResult(exitCode, Console.Output, Console.Errors, Probe);
    }
}
