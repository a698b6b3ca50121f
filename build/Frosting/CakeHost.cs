using System.Reflection;
using Build.Frosting.Additions;
using Build.Frosting.Internal;
using Cake.Core.IO;
using Microsoft.Extensions.DependencyInjection;

namespace Build.Frosting;

/// <summary>
/// A Cake.Frosting-shaped host on Cake.Core 7: finds the tasks, builds them through DI, runs the chosen targets
/// with Cake's engine and returns the exit code (0 success, 1 failure, 130 interrupted).
/// </summary>
public sealed class CakeHost
{
    private readonly HostSettings _settings = new();
    private volatile HostInterruption? _running;

    /// <summary>The context type tasks receive, created through DI (default: <see cref="FrostingContext"/>).</summary>
    public CakeHost UseContext<TContext>()
        where TContext : FrostingContext
    {
        _settings.ContextType = typeof(TContext);
        return this;
    }

    public CakeHost UseLifetime<TLifetime>()
        where TLifetime : class, IFrostingLifetime
    {
        _settings.LifetimeType = typeof(TLifetime);
        return this;
    }

    public CakeHost UseTaskLifetime<TLifetime>()
        where TLifetime : class, IFrostingTaskLifetime
    {
        _settings.TaskLifetimeType = typeof(TLifetime);
        return this;
    }

    /// <summary>The directory the build runs in; <c>--working</c> overrides it.</summary>
    public CakeHost UseWorkingDirectory(DirectoryPath path)
    {
        _settings.WorkingDirectory = path;
        return this;
    }

    /// <summary>Scan an assembly for tasks. Without any AddAssembly/UseTasks the entry assembly is scanned.</summary>
    public CakeHost AddAssembly(Assembly assembly) => AddAssembly(assembly, _ => true);

    /// <summary>Scan only the types of <paramref name="assembly"/> that pass <paramref name="filter"/>.</summary>
    public CakeHost AddAssembly(Assembly assembly, Func<Type, bool> filter)
    {
        _settings.Assemblies.Add((assembly, filter));
        return this;
    }

    /// <summary>Register these task types explicitly (no scanning of their assembly).</summary>
    public CakeHost UseTasks(params Type[] taskTypes)
    {
        var notTasks = taskTypes.Where(t => !TaskDescriptor.IsTask(t)).Select(t => t.FullName).ToList();
        if (notTasks.Count > 0)
        {
            throw new ArgumentException(
                $"Not public non-abstract FrostingTask<T>/AsyncFrostingTask<T> classes: {string.Join(", ", notTasks)}.",
                nameof(taskTypes));
        }

        _settings.TaskTypes.AddRange(taskTypes);
        return this;
    }

    /// <summary>Extra dependency edges and a startup check, e.g. from the pipeline definition.</summary>
    public CakeHost UseTaskGraph(ITaskGraphProvider provider)
    {
        _settings.GraphProvider = provider;
        return this;
    }

    /// <summary>Add or replace services; called after the host registered Cake's.</summary>
    public CakeHost ConfigureServices(Action<IServiceCollection> configure)
    {
        _settings.ServiceConfigurations.Add(configure);
        return this;
    }

    /// <summary>Write to this console instead of the process's (tests capture output this way).</summary>
    public CakeHost UseConsole(IConsole console)
    {
        _settings.Console = console;
        return this;
    }

    public int Run(IEnumerable<string> args)
    {
        var arguments = args.ToList();
        var runner = new HostRunner(_settings, interruption => _running = interruption);

        // Off the caller's synchronization context: Cake's engine awaits without ConfigureAwait(false).
        return Task.Run(() => runner.RunAsync(arguments)).GetAwaiter().GetResult();
    }

    /// <summary>Overrides an environment variable for this host only (tests: GITHUB_ACTIONS, NO_COLOR); null removes it.</summary>
    internal CakeHost UseEnvironmentVariable(string name, string? value)
    {
        _settings.EnvironmentOverrides[name] = value;
        return this;
    }

    /// <summary>What SIGINT/SIGTERM do, callable from tests: returns false when no run is in progress.</summary>
    internal bool Interrupt() => _running?.Interrupt("Interrupted") ?? false;
}
