namespace Build.Frosting.Internal;

/// <summary>
/// Which tasks run before which, from [IsDependentOn], [IsDependeeOf] and the <see cref="ITaskGraphProvider"/>;
/// unknown names and cycles are reported together, each cycle as a path.
/// </summary>
internal sealed class TaskGraph
{
    private readonly Dictionary<string, List<string>> _before;

    private TaskGraph(Dictionary<string, List<string>> before, IReadOnlyList<string> errors)
    {
        _before = before;
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }

    public IEnumerable<string> Names => _before.Keys;

    public static TaskGraph Create(TaskCatalog catalog, ITaskGraphProvider? provider)
    {
        var before = catalog.Tasks.ToDictionary(t => t.Name, _ => new List<string>(), StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        foreach (var task in catalog.Tasks)
        {
            foreach (var dependency in task.DependsOn.Select(catalog.NameOf))
            {
                AddEdge(before, dependency, task.Name);
            }

            foreach (var dependency in provider?.DependenciesOf(task.Name) ?? [])
            {
                if (before.ContainsKey(dependency))
                {
                    AddEdge(before, dependency, task.Name);
                }
                else
                {
                    errors.Add($"Task '{task.Name}' is dependent on '{dependency}' (from the task graph), which is not a task.");
                }
            }

            foreach (var dependee in task.DependeeOf.Select(catalog.NameOf))
            {
                AddEdge(before, task.Name, dependee);
            }
        }

        errors.AddRange(Cycles(before));
        return new TaskGraph(before, errors);
    }

    public bool Contains(string name) => _before.ContainsKey(name);

    /// <summary>The tasks <paramref name="name"/> depends on, in declaration order.</summary>
    public IReadOnlyList<string> DependenciesOf(string name) => _before[name];

    /// <summary>Canonical spelling of a task name the user typed in another case.</summary>
    public string NameOf(string name) => _before.Keys.First(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Tasks nothing depends on: Default first, then by name (Cake's tree order).</summary>
    public IReadOnlyList<string> Roots() =>
        [.. _before.Keys
            .Where(name => !_before.Values.Any(list => list.Contains(name, StringComparer.OrdinalIgnoreCase)))
            .OrderByDescending(name => name.Equals(CommandLineParser.DefaultTarget, StringComparison.OrdinalIgnoreCase))
            .ThenBy(name => name, StringComparer.OrdinalIgnoreCase)];

    private static void AddEdge(Dictionary<string, List<string>> before, string first, string then)
    {
        var list = before[then];
        if (!list.Contains(first, StringComparer.OrdinalIgnoreCase))
        {
            list.Add(first);
        }
    }

    // Attribute edges can form cycles the definition's validator never sees; Cake's own graph check names no path.
    private static IEnumerable<string> Cycles(Dictionary<string, List<string>> before)
    {
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var acyclic = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var start in before.Keys.Order(StringComparer.OrdinalIgnoreCase))
        {
            if (FindCycle(start, before, [], acyclic) is { } cycle
                && reported.Add(string.Join("|", cycle.Skip(1).Order(StringComparer.OrdinalIgnoreCase))))
            {
                yield return $"Circular dependency: {string.Join(" -> ", cycle)}.";
            }
        }
    }

    private static List<string>? FindCycle(string node, Dictionary<string, List<string>> before, List<string> trail, HashSet<string> acyclic)
    {
        var index = trail.FindIndex(n => n.Equals(node, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            return [.. trail.Skip(index), node];
        }

        if (acyclic.Contains(node))
        {
            return null;
        }

        trail.Add(node);
        var found = before[node].Select(next => FindCycle(next, before, trail, acyclic)).FirstOrDefault(c => c is not null);
        trail.RemoveAt(trail.Count - 1);
        if (found is null)
        {
            acyclic.Add(node);
        }

        return found;
    }
}
