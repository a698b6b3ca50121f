using Build.Frosting.Internal;

namespace Build.Frosting.Additions;

public static class CakeHostAdditions
{
    /// <summary>Extra dependency edges and a startup check, e.g. from the pipeline definition.</summary>
    public static CakeHost UseTaskGraph(this CakeHost host, ITaskGraphProvider provider)
    {
        host.Settings.GraphProvider = provider;
        return host;
    }

    /// <summary>Test seam: only the types of <paramref name="assembly"/> that pass <paramref name="filter"/>.</summary>
    internal static CakeHost AddAssembly(this CakeHost host, Assembly assembly, Func<Type, bool> filter)
    {
        host.Settings.Assemblies.Add((assembly, filter));
        return host;
    }

    /// <summary>Test seam: exactly these task types, instead of the entry assembly's.</summary>
    internal static CakeHost UseTasks(this CakeHost host, params Type[] taskTypes)
    {
        var notTasks = taskTypes.Where(t => !TaskDescriptor.IsTask(t)).Select(t => t.FullName).ToList();
        if (notTasks.Count > 0)
        {
            throw new ArgumentException(
                $"Not public non-abstract FrostingTask<T>/AsyncFrostingTask<T> classes: {string.Join(", ", notTasks)}.",
                nameof(taskTypes));
        }

        host.Settings.TaskTypes.AddRange(taskTypes);
        return host;
    }

    /// <summary>Test seam: write to this console instead of the process's.</summary>
    internal static CakeHost UseConsole(this CakeHost host, IConsole console)
    {
        host.Settings.Console = console;
        return host;
    }

    /// <summary>Test seam: overrides an environment variable for this host only (GITHUB_ACTIONS, NO_COLOR); null removes it.</summary>
    internal static CakeHost UseEnvironmentVariable(this CakeHost host, string name, string? value)
    {
        host.Settings.EnvironmentOverrides[name] = value;
        return host;
    }
}
