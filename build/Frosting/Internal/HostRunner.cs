using Cake.Cli;
using Cake.Core.Configuration;
using Cake.Core.Modules;
using Spectre.Console;

namespace Build.Frosting.Internal;

/// <summary>
/// Parses the command line, checks the tasks and the graph, then prints help/tree/descriptions or starts a
/// <see cref="BuildRun"/>. Every check happens before any context, setup or task is created.
/// </summary>
internal sealed class HostRunner(IServiceCollection configured)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = CommandLine.Parse(args);
        var environment = Registered<ICakeEnvironment>() ?? new CakeEnvironment(new CakePlatform(), new CakeRuntime());
        var (console, ansi) = HostConsole.Create(Registered<IConsole>(), environment);
        if (cli.Errors.Count > 0)
        {
            return CommandLine.Fail(console, cli.Errors);
        }

        try
        {
            return await RunParsedAsync(cli, environment, console, ansi).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A bug in a graph provider, a context or the host itself: still a clear error, not a crash.
            return CommandLine.Unexpected(console, ex, cli.Verbosity);
        }
    }

    private T? Registered<T>()
        where T : class =>
        configured.LastOrDefault(d => d.ServiceType == typeof(T))?.ImplementationInstance as T;

    private async Task<int> RunParsedAsync(ParsedCommandLine cli, ICakeEnvironment environment, IConsole console,
        IAnsiConsole ansi)
    {
        if (CommandLine.TryWriteInformation(cli.Command, console))
        {
            return 0;
        }

        var contextType = configured.LastOrDefault(d => d.ServiceType == typeof(IFrostingContext))?.ImplementationType
            ?? typeof(FrostingContext);
        var graph = TaskGraph.Create(TaskTypes(), contextType, Registered<ITaskGraphProvider>());

        // --tree without a target draws every root.
        var requested = cli.Command == HostCommand.Tree && !cli.TargetsGiven ? graph.Roots() : cli.Targets;
        var valid = string.Join(", ", graph.Tasks.Select(t => t.Name));
        var problems = graph.Errors.Concat(requested.Where(t => graph.Find(t) is null)
            .Select(t => $"The target '{t}' was not found. Valid targets: " +
                $"{(valid.Length > 0 ? valid : "(none)")}.")).ToList();
        if (problems.Count > 0)
        {
            return CommandLine.Fail(console, problems);
        }

        var targets = requested.Select(t => graph.Find(t)!.Name).ToList();
        switch (cli.Command)
        {
            case HostCommand.Tree:
                graph.WriteTree(console, targets);
                return 0;
            case HostCommand.Description:
                graph.WriteDescriptions(console);
                return 0;
        }

        if (WorkingDirectoryError(cli, environment) is { } error)
        {
            return CommandLine.Fail(console, error);
        }

        var log = new CakeBuildLog(console, cli.Verbosity);
        using var interruption = new HostInterruption(log);
        var options = new CakeHostOptions(targets, cli.Exclusive, cli.DryRun);
        var services = HostServices(cli, environment, console, ansi, options, interruption, log);
        var run = new BuildRun(contextType, graph, options, console, log, interruption);
        return await run.ExecuteAsync(services).ConfigureAwait(false);
    }

    /// <summary>Cake's core services, the host's own, then the ones the program configured (which win).</summary>
    private IServiceCollection HostServices(ParsedCommandLine cli, ICakeEnvironment environment, IConsole console,
        IAnsiConsole ansi, CakeHostOptions options, HostInterruption interruption, CakeBuildLog log)
    {
        IServiceCollection services = new ServiceCollection();
        services.UseModule(new CoreModule());
        services.AddSingleton(options);
        services.AddSingleton(interruption);
        services.AddSingleton(console);
        services.AddSingleton(ansi);
        services.AddSingleton<ICakeLog>(log);
        services.AddSingleton(environment);
        services.AddSingleton(environment.Platform);
        services.AddSingleton(environment.Runtime);
        services.AddSingleton<ICakeArguments>(new CakeArguments(cli.Arguments));
        AddRunServices(services, options, interruption, log);
        foreach (var service in configured)
        {
            services.Add(service);
        }

        return services;
    }

    /// <summary>
    /// What Cake's CoreModule leaves out or this host replaces (processes, report, configuration, data).
    /// </summary>
    private void AddRunServices(IServiceCollection services, CakeHostOptions options, HostInterruption interruption,
        ICakeLog log)
    {
        var data = new CakeDataService();
        services.AddSingleton<ICakeDataService>(data);
        services.AddSingleton<ICakeDataResolver>(data);
        services.AddSingleton(
            sp => new CakeConfigurationProvider(sp.GetRequiredService<IFileSystem>(),
            sp.GetRequiredService<ICakeEnvironment>())
            .CreateConfiguration(
                sp.GetRequiredService<ICakeEnvironment>().WorkingDirectory,
                CakeSetting.Defaults(sp.GetServices<CakeSetting>()),
                sp.GetRequiredService<ICakeArguments>().GetArguments().ToDictionary(a => a.Key,
                    a => a.Value.LastOrDefault() ?? string.Empty)));
        services.AddSingleton<IToolInstaller, ToolInstaller>();
        services.AddSingleton<IProcessRunner>(sp =>
        {
            var real = new TrackingProcessRunner(ActivatorUtilities.CreateInstance<ProcessRunner>(sp), interruption);
            return options.DryRun ? new DryRunProcessRunner(log, real) : real;
        });
        services.AddSingleton<ICakeReportPrinter>(
            sp => new CakeSpectreReportPrinter(sp.GetRequiredService<IAnsiConsole>()));
        services.AddSingleton<IFrostingContext, FrostingContext>();
    }

    /// <summary>
    /// The <see cref="IFrostingTask"/> types registered through ConfigureServices, else the entry assembly's tasks.
    /// </summary>
    private IEnumerable<Type> TaskTypes()
    {
        var registered = configured.Where(d => d.ServiceType == typeof(IFrostingTask))
            .Select(d => d.ImplementationType).OfType<Type>().ToList();
        return registered.Count > 0 || Assembly.GetEntryAssembly() is not { } entry
            ? registered
            : entry.GetExportedTypes().Where(TaskDescriptor.IsTask);
    }

    /// <summary>--working wins over UseWorkingDirectory; Cake makes it the process's current directory.</summary>
    private string? WorkingDirectoryError(ParsedCommandLine cli, ICakeEnvironment environment)
    {
        var requested = cli.WorkingDirectory is { } path ? new DirectoryPath(path)
            : Registered<WorkingDirectory>()?.Path;
        if (requested is null)
        {
            return null;
        }

        var absolute = requested.MakeAbsolute(environment);
        if (!Directory.Exists(absolute.FullPath))
        {
            return $"The working directory '{absolute.FullPath}' does not exist. Pass an existing " +
                $"directory to --working.";
        }

        environment.WorkingDirectory = absolute;
        return null;
    }
}

/// <summary>What <see cref="CakeHost.UseWorkingDirectory"/> registers.</summary>
internal sealed record WorkingDirectory(DirectoryPath Path);

/// <summary>One <see cref="CakeHost.UseCakeSetting"/> default.</summary>
internal sealed record CakeSetting(string Key, string Value)
{
    /// <summary>The defaults by key, case-insensitive like Cake's configuration; the last registration wins.</summary>
    public static Dictionary<string, string> Defaults(IEnumerable<CakeSetting> settings)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings)
        {
            defaults[setting.Key] = setting.Value;
        }
        return defaults;
    }
}
