using Build.Frosting.Additions;
using Build.Frosting;

namespace Build.Tests.Frosting.Support;

/// <summary>A task graph provider with fixed edges and fixed validation errors.</summary>
public sealed class StubGraph(IReadOnlyDictionary<string, string[]> edges, params string[] errors) : ITaskGraphProvider
{
    public IReadOnlyCollection<string>? ValidatedNames { get; private set; }

    public IReadOnlyList<string> DependenciesOf(string taskName) =>
        edges.TryGetValue(taskName, out var dependencies) ? dependencies : [];

    public IReadOnlyList<string> Validate(IReadOnlyCollection<string> taskNames)
    {
        ValidatedNames = taskNames;
        return errors;
    }
}
