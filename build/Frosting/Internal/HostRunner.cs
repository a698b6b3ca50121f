namespace Build.Frosting.Internal;

/// <summary>
/// Parses the command line, checks the tasks and the graph, then prints help/tree/descriptions or starts a
/// <see cref="BuildRun"/>. Every check happens before any context, setup or task is created.
/// </summary>
internal sealed class HostRunner(HostSettings settings, Action<HostInterruption?> publishInterruption)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var cli = CommandLineParser.Parse(args);
        var environment = new HostEnvironment(new CakeEnvironment(new CakePlatform(), new CakeRuntime()), settings.EnvironmentOverrides);
        var injected = settings.Console is not null;
        var colors = HostConsole.Enabled(environment, outputRedirected: injected || Console.IsOutputRedirected);
        var console = new HostConsole(settings.Console ?? new CakeConsole(environment), colors);
        if (cli.Errors.Count > 0)
        {
            return ErrorWriter.Fail(console, cli.Errors);
        }

        try
        {
            return await RunParsedAsync(cli, environment, console, colors).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A bug in a graph provider, a context or the host itself: still a clear error, not a crash.
            return ErrorWriter.Unexpected(console, ex, cli.Verbosity);
        }
    }

    private async Task<int> RunParsedAsync(ParsedCommandLine cli, HostEnvironment environment, IConsole console, bool colors)
    {
        if (TryWriteInformation(cli.Command, console))
        {
            return 0;
        }

        var catalog = TaskCatalog.Create(settings.DiscoverTasks(), settings.ContextType, settings.GraphProvider);
        var graph = TaskGraph.Create(catalog, settings.GraphProvider);
        var problems = catalog.Errors.Concat(graph.Errors).Concat(settings.GraphProvider?.Validate(catalog.Names) ?? []).ToList();
        problems.AddRange(UnknownTargets(cli, graph, catalog));
        if (problems.Count > 0)
        {
            return ErrorWriter.Fail(console, problems);
        }

        switch (cli.Command)
        {
            case HostCommand.Tree:
                HelpText.WriteTree(console, graph, cli.TargetsGiven ? cli.Targets : graph.Roots());
                return 0;
            case HostCommand.Description:
                HelpText.WriteDescriptions(console, catalog);
                return 0;
        }

        if (!TryResolveWorkingDirectory(cli, environment, out var workingDirectory, out var error))
        {
            return ErrorWriter.Fail(console, error);
        }

        return await ExecuteAsync(cli, environment, console, colors, workingDirectory, catalog, graph).ConfigureAwait(false);
    }

    private async Task<int> ExecuteAsync(
        ParsedCommandLine cli,
        HostEnvironment environment,
        IConsole console,
        bool colors,
        DirectoryPath workingDirectory,
        TaskCatalog catalog,
        TaskGraph graph)
    {
        var log = new CakeBuildLog(console, cli.Verbosity);
        using var interruption = new HostInterruption(log);
        using var signals = SignalHandlers.Register(interruption);
        publishInterruption(interruption);
        try
        {
            var targets = cli.Targets.Select(graph.NameOf).ToList();
            var options = new CakeHostOptions(targets, cli.Exclusive, cli.DryRun, cli.Verbosity, workingDirectory);
            var run = new RunServices(
                options,
                interruption,
                console,
                HostConsole.CreateAnsi(console, settings.Console is not null, colors),
                log,
                environment,
                new CakeArguments(cli.Arguments),
                new CakeDataService());
            return await new BuildRun(settings, run, catalog, graph).ExecuteAsync().ConfigureAwait(false);
        }
        finally
        {
            publishInterruption(null);
        }
    }

    private static bool TryWriteInformation(HostCommand command, IConsole console)
    {
        switch (command)
        {
            case HostCommand.Help:
                HelpText.WriteHelp(console);
                return true;
            case HostCommand.Version:
                HelpText.WriteVersion(console);
                return true;
            case HostCommand.Info:
                HelpText.WriteInfo(console);
                return true;
            default:
                return false;
        }
    }

    private static IEnumerable<string> UnknownTargets(ParsedCommandLine cli, TaskGraph graph, TaskCatalog catalog)
    {
        if (cli.Command == HostCommand.Tree && !cli.TargetsGiven)
        {
            return [];
        }

        var valid = string.Join(", ", catalog.Names.Order(StringComparer.OrdinalIgnoreCase));
        return cli.Targets.Where(t => !graph.Contains(t))
            .Select(t => $"The target '{t}' was not found. Valid targets: {(valid.Length > 0 ? valid : "(none)")}.");
    }

    /// <summary>--working wins over UseWorkingDirectory; Cake makes it the process's current directory.</summary>
    private bool TryResolveWorkingDirectory(ParsedCommandLine cli, ICakeEnvironment environment, out DirectoryPath directory, out string error)
    {
        var requested = cli.WorkingDirectory is { } path ? new DirectoryPath(path) : settings.WorkingDirectory;
        directory = environment.WorkingDirectory;
        error = string.Empty;
        if (requested is null)
        {
            return true;
        }

        var absolute = requested.MakeAbsolute(environment);
        if (!Directory.Exists(absolute.FullPath))
        {
            error = $"The working directory '{absolute.FullPath}' does not exist. Pass an existing directory to --working.";
            return false;
        }

        environment.WorkingDirectory = absolute;
        directory = absolute;
        return true;
    }
}

/// <summary>Everything the <see cref="CakeHost"/> builder collected.</summary>
internal sealed class HostSettings
{
    public Type ContextType { get; set; } = typeof(FrostingContext);

    public Type? LifetimeType { get; set; }

    public Type? TaskLifetimeType { get; set; }

    public DirectoryPath? WorkingDirectory { get; set; }

    public List<(Assembly Assembly, Func<Type, bool> Filter)> Assemblies { get; } = [];

    public List<Type> TaskTypes { get; } = [];

    public ITaskGraphProvider? GraphProvider { get; set; }

    public List<Action<IServiceCollection>> ServiceConfigurations { get; } = [];

    public IConsole? Console { get; set; }

    public Dictionary<string, string?> EnvironmentOverrides { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Explicit task types plus the scanned assemblies; the entry assembly when neither was given.</summary>
    public IEnumerable<Type> DiscoverTasks()
    {
        var sources = Assemblies.Count > 0 || TaskTypes.Count > 0
            ? Assemblies
            : Assembly.GetEntryAssembly() is { } entry ? [(entry, _ => true)] : [];
        return TaskTypes.Concat(sources.SelectMany(s => s.Assembly.GetExportedTypes().Where(s.Filter)))
            .Where(TaskDescriptor.IsTask)
            .Distinct();
    }
}
