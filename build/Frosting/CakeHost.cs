using Build.Frosting.Internal;

namespace Build.Frosting;

/// <summary>
/// A Cake.Frosting-shaped host on Cake.Core 7: finds the tasks, builds them through DI, runs the chosen targets
/// with Cake's engine and returns the exit code (0 success, 1 failure, 130 interrupted). As in Cake.Frosting, each
/// <c>Use…</c> call is a service registration.
/// </summary>
public sealed class CakeHost
{
    private readonly ServiceCollection _services = new();

    public CakeHost UseContext<TContext>()
        where TContext : class, IFrostingContext =>
        ConfigureServices(services => services.AddSingleton<IFrostingContext, TContext>());

    public CakeHost UseLifetime<TLifetime>()
        where TLifetime : class, IFrostingLifetime =>
        ConfigureServices(services => services.AddSingleton<IFrostingLifetime, TLifetime>());

    public CakeHost UseTaskLifetime<TLifetime>()
        where TLifetime : class, IFrostingTaskLifetime =>
        ConfigureServices(services => services.AddSingleton<IFrostingTaskLifetime, TLifetime>());

    /// <summary>The directory the build runs in; <c>--working</c> overrides it.</summary>
    public CakeHost UseWorkingDirectory(DirectoryPath path) =>
        ConfigureServices(services => services.AddSingleton(new WorkingDirectory(path)));

    /// <summary>
    /// A Cake setting (<c>Paths_Tools</c>…) as the configuration's default: <c>CAKE_*</c> variables, <c>cake.config</c>
    /// and <c>--key=value</c> arguments still override it, as in Cake.Frosting.
    /// </summary>
    public CakeHost UseCakeSetting(string key, string value) =>
        ConfigureServices(services => services.AddSingleton(new CakeSetting(key, value)));

    /// <summary>
    /// Add or replace services; applied after the host registered Cake's. As in Cake.Frosting, an
    /// <see cref="IFrostingTask"/> registration adds a task, and an <see cref="IConsole"/> or
    /// <see cref="ICakeEnvironment"/> instance replaces the process's console or environment.
    /// </summary>
    public CakeHost ConfigureServices(Action<IServiceCollection> configure)
    {
        configure(_services);
        return this;
    }

    public int Run(IEnumerable<string> args)
    {
        var runner = new HostRunner(_services);

        // Off the caller's synchronization context: Cake's engine awaits without ConfigureAwait(false).
        return Task.Run(() => runner.RunAsync([.. args])).GetAwaiter().GetResult();
    }
}
