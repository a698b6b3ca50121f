using Cake.Cli;
using Cake.Core.Configuration;
using Spectre.Console;

namespace Build.Frosting.Internal;

/// <summary>Cake's services, the way Cake's CoreModule wires them, minus scripting and NuGet.</summary>
internal static class ServiceRegistration
{
    public static ServiceCollection Create(RunServices run, HostSettings settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton(run.Options);
        services.AddSingleton(run.Interruption);
        services.AddSingleton(run.Console);
        services.AddSingleton(run.AnsiConsole);
        services.AddSingleton(run.Log);
        services.AddSingleton<ICakeEnvironment>(run.Environment);
        services.AddSingleton(run.Environment.Platform);
        services.AddSingleton(run.Environment.Runtime);
        services.AddSingleton(run.Arguments);
        services.AddSingleton<ICakeDataService>(run.Data);
        services.AddSingleton<ICakeDataResolver>(run.Data);
        services.AddSingleton<IFileSystem, FileSystem>();
        services.AddSingleton<IGlobber, Globber>();
        services.AddSingleton(sp => CreateConfiguration(sp, run));
        services.AddSingleton<IToolRepository, ToolRepository>();
        services.AddSingleton<IToolResolutionStrategy, ToolResolutionStrategy>();
        services.AddSingleton<IToolLocator, ToolLocator>();
        services.AddSingleton<IToolInstaller, ToolInstaller>();
        services.AddSingleton<IRegistry, WindowsRegistry>();
        services.AddSingleton<ProcessRunner>();
        services.AddSingleton(sp => CreateProcessRunner(sp, run));
        services.AddSingleton<ICakeContext, CakeContext>();
        services.AddSingleton<ICakeReportPrinter>(sp => new CakeSpectreReportPrinter(sp.GetRequiredService<IAnsiConsole>()));
        services.AddSingleton(settings.ContextType, sp => ActivatorUtilities.CreateInstance(sp, settings.ContextType));
        foreach (var configure in settings.ServiceConfigurations)
        {
            configure(services);
        }

        return services;
    }

    private static ICakeConfiguration CreateConfiguration(IServiceProvider services, RunServices run)
    {
        var arguments = run.Arguments.GetArguments().ToDictionary(a => a.Key, a => a.Value.LastOrDefault() ?? string.Empty);
        return new CakeConfigurationProvider(services.GetRequiredService<IFileSystem>(), run.Environment)
            .CreateConfiguration(run.Environment.WorkingDirectory, arguments);
    }

    private static IProcessRunner CreateProcessRunner(IServiceProvider services, RunServices run)
    {
        var real = new TrackingProcessRunner(services.GetRequiredService<ProcessRunner>(), run.Interruption);
        return run.Options.DryRun ? new DryRunProcessRunner(run.Log, real) : real;
    }
}

/// <summary>The per-run objects that exist before the DI container and go into it as instances.</summary>
internal sealed record RunServices(
    CakeHostOptions Options,
    HostInterruption Interruption,
    IConsole Console,
    IAnsiConsole AnsiConsole,
    ICakeLog Log,
    ICakeEnvironment Environment,
    ICakeArguments Arguments,
    CakeDataService Data);
