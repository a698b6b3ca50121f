using Build.Frosting.Internal;

namespace Build.Frosting;

/// <summary>
/// A Cake.Frosting-shaped host on Cake.Core 7: finds the tasks, builds them through DI, runs the chosen targets
/// with Cake's engine and returns the exit code (0 success, 1 failure, 130 interrupted).
/// </summary>
public sealed class CakeHost
{
    private volatile HostInterruption? _running;

    internal HostSettings Settings { get; } = new();

    public CakeHost UseContext<TContext>()
        where TContext : FrostingContext
    {
        Settings.ContextType = typeof(TContext);
        return this;
    }

    public CakeHost UseLifetime<TLifetime>()
        where TLifetime : class, IFrostingLifetime
    {
        Settings.LifetimeType = typeof(TLifetime);
        return this;
    }

    public CakeHost UseTaskLifetime<TLifetime>()
        where TLifetime : class, IFrostingTaskLifetime
    {
        Settings.TaskLifetimeType = typeof(TLifetime);
        return this;
    }

    /// <summary>The directory the build runs in; <c>--working</c> overrides it.</summary>
    public CakeHost UseWorkingDirectory(DirectoryPath path)
    {
        Settings.WorkingDirectory = path;
        return this;
    }

    /// <summary>Scan an assembly for tasks besides the entry assembly.</summary>
    public CakeHost AddAssembly(Assembly assembly)
    {
        Settings.Assemblies.Add((assembly, _ => true));
        return this;
    }

    /// <summary>Add or replace services; called after the host registered Cake's.</summary>
    public CakeHost ConfigureServices(Action<IServiceCollection> configure)
    {
        Settings.ServiceConfigurations.Add(configure);
        return this;
    }

    public int Run(IEnumerable<string> args)
    {
        var arguments = args.ToList();
        var runner = new HostRunner(Settings, interruption => _running = interruption);

        // Off the caller's synchronization context: Cake's engine awaits without ConfigureAwait(false).
        return Task.Run(() => runner.RunAsync(arguments)).GetAwaiter().GetResult();
    }

    /// <summary>What SIGINT/SIGTERM do, callable from tests: returns false when no run is in progress.</summary>
    internal bool Interrupt() => _running?.Interrupt("Interrupted") ?? false;
}
