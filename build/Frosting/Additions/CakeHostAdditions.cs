namespace Build.Frosting.Additions;

public static class CakeHostAdditions
{
    /// <summary>Extra dependency edges and a startup check, e.g. from the pipeline definition.</summary>
    public static CakeHost UseTaskGraph(this CakeHost host, ITaskGraphProvider provider) =>
        host.ConfigureServices(services => services.AddSingleton(provider));
}

/// <summary>
/// Feeds extra dependency edges into the task graph (e.g. from the pipeline definition) and checks it at startup.
/// </summary>
public interface ITaskGraphProvider
{
    /// <summary>Names of tasks that <paramref name="taskName"/> depends on, in addition to its attributes.</summary>
    IReadOnlyList<string> DependenciesOf(string taskName);

    /// <summary>
    /// Every problem found, one line each; any line stops the host with exit code 1 before a task runs.
    /// </summary>
    IReadOnlyList<string> Validate(IReadOnlyCollection<string> taskNames);

    /// <summary>The description of a task that has no [TaskDescription] of its own, or null.</summary>
    string? DescriptionOf(string taskName) => null;
}
