using Build.Frosting.Internal;

namespace Build.Frosting;

/// <summary>
/// A Cake.Frosting-shaped host on Cake.Core 7: finds the tasks, builds them through DI, runs the chosen targets
/// with Cake's engine and returns the exit code (0 success, 1 failure, 130 interrupted).
/// </summary>
public sealed class CakeHost
{
    internal Type ContextType { get; private set; } = typeof(FrostingContext);

    internal Type? LifetimeType { get; private set; }

    internal Type? TaskLifetimeType { get; private set; }

    internal DirectoryPath? WorkingDirectory { get; private set; }

    internal List<Action<IServiceCollection>> ServiceConfigurations { get; } = [];

    internal ITaskGraphProvider? GraphProvider { get; set; }

    public CakeHost UseContext<TContext>()
        where TContext : FrostingContext
    {
        ContextType = typeof(TContext);
        return this;
    }

    public CakeHost UseLifetime<TLifetime>()
        where TLifetime : class, IFrostingLifetime
    {
        LifetimeType = typeof(TLifetime);
        return this;
    }

    public CakeHost UseTaskLifetime<TLifetime>()
        where TLifetime : class, IFrostingTaskLifetime
    {
        TaskLifetimeType = typeof(TLifetime);
        return this;
    }

    /// <summary>The directory the build runs in; <c>--working</c> overrides it.</summary>
    public CakeHost UseWorkingDirectory(DirectoryPath path)
    {
        WorkingDirectory = path;
        return this;
    }

    /// <summary>
    /// Add or replace services; applied after the host registered Cake's. As in Cake.Frosting, an
    /// <see cref="IFrostingTask"/> registration adds a task, and an <see cref="IConsole"/> or
    /// <see cref="ICakeEnvironment"/> instance replaces the process's console or environment.
    /// </summary>
    public CakeHost ConfigureServices(Action<IServiceCollection> configure)
    {
        ServiceConfigurations.Add(configure);
        return this;
    }

    public int Run(IEnumerable<string> args)
    {
        var runner = new HostRunner(this);

        // Off the caller's synchronization context: Cake's engine awaits without ConfigureAwait(false).
        return Task.Run(() => runner.RunAsync([.. args])).GetAwaiter().GetResult();
    }
}
