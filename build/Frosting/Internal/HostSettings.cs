using System.Reflection;
using Cake.Core.IO;
using Microsoft.Extensions.DependencyInjection;


namespace Build.Frosting.Internal;

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
