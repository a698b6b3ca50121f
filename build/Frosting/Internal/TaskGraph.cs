namespace Build.Frosting.Internal;

/// <summary>
/// The run's tasks and which run before which, from [IsDependentOn] and the
/// <see cref="ITaskGraphProvider"/>. Every problem (bad task types, unknown names, cycles, the provider's own checks)
/// is collected before anything is created; each cycle is reported as a path.
/// </summary>
internal sealed class TaskGraph(IReadOnlyList<TaskDescriptor> tasks, Dictionary<string, List<string>> edges,
    IReadOnlyList<string> errors)
{
    public IReadOnlyList<TaskDescriptor> Tasks => tasks;

    public IReadOnlyList<string> Errors => errors;

    public static TaskGraph Create(IEnumerable<Type> taskTypes, Type hostContextType, ITaskGraphProvider? provider)
    {
        var types = taskTypes.Distinct().ToList();
        var tasks = types.Where(TaskDescriptor.IsTask)
            .Select(TaskDescriptor.From)
            .Select(t => t.Description.Length > 0 ? t
                : t with { Description = provider?.DescriptionOf(t.Name) ?? string.Empty })
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var errors = TaskErrors(types, tasks, hostContextType).ToList();
        if (errors.Count > 0)
        {
            return new TaskGraph(tasks, [], errors);
        }

        var before = tasks.ToDictionary(t => t.Name, _ => new List<string>(), StringComparer.OrdinalIgnoreCase);
        var nameOf = tasks.ToDictionary(t => t.Type, t => t.Name);
        foreach (var task in tasks)
        {
            var fromGraph = provider?.DependenciesOf(task.Name) ?? [];
            errors.AddRange(fromGraph.Where(name => !before.ContainsKey(name))
                .Select(name =>
                    $"Task '{task.Name}' is dependent on '{name}' (from the task graph), which is not a task."));
            before[task.Name].AddRange(task.DependsOn.Select(type => nameOf[type])
                .Concat(fromGraph.Where(before.ContainsKey))
                .Distinct(StringComparer.OrdinalIgnoreCase));
        }

        errors.AddRange(Cycles(before));
        errors.AddRange(provider?.Validate(before.Keys) ?? []);
        return new TaskGraph(tasks, before, errors);
    }

    /// <summary>The tasks <paramref name="name"/> depends on, in declaration order.</summary>
    public IReadOnlyList<string> DependenciesOf(string name) => edges[name];

    /// <summary>The task a name the user typed names, in any case; null when there is none.</summary>
    public TaskDescriptor? Find(string name) =>
        Tasks.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Tasks nothing depends on: Default first, then by name (Cake's tree order).</summary>
    public IReadOnlyList<string> Roots() =>
        [.. edges.Keys
            .Where(name => !edges.Values.Any(list => list.Contains(name, StringComparer.OrdinalIgnoreCase)))
            .OrderByDescending(name => name.Equals(CommandLine.DefaultTarget, StringComparison.OrdinalIgnoreCase))
            .ThenBy(name => name, StringComparer.OrdinalIgnoreCase)];

    /// <summary>--tree: each root with the tasks it depends on, drawn like Cake's tree.</summary>
    public void WriteTree(IConsole console, IEnumerable<string> roots)
    {
        foreach (var root in roots)
        {
            console.WriteLine(root);
            WriteChildren(console, root, string.Empty);
            console.WriteLine(string.Empty);
        }
    }

    /// <summary>--description: every task and its description, sorted by name, in two aligned columns.</summary>
    public void WriteDescriptions(IConsole console)
    {
        const string header = "Task";
        var width = Tasks.Select(t => t.Name.Length).Append(header.Length).Max() + 2;
        console.WriteLine(header.PadRight(width) + "Description");
        foreach (var task in Tasks)
        {
            console.WriteLine((task.Name.PadRight(width) + task.Description).TrimEnd());
        }
    }

    private static IEnumerable<string> TaskErrors(List<Type> types, List<TaskDescriptor> tasks, Type hostContextType)
    {
        var notTasks = types.Where(t => !TaskDescriptor.IsTask(t)).Select(t => t.FullName).ToList();
        if (notTasks.Count > 0)
        {
            yield return $"Not public non-abstract FrostingTask<T>/AsyncFrostingTask<T> " +
                $"classes: {string.Join(", ", notTasks)}.";
        }

        foreach (var group in tasks.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"Several tasks are named " +
                $"'{group.Key}': {string.Join(", ", group.Select(t => t.Type.FullName))}. Give each a " +
                $"unique [TaskName].";
        }

        foreach (var task in tasks)
        {
            foreach (var type in task.DependsOn.Where(t => !types.Contains(t)))
            {
                yield return $"Task '{task.Name}' is dependent on '{type.FullName}', which is not a registered task.";
            }

            if (!task.ContextType.IsAssignableFrom(hostContextType))
            {
                yield return $"Task '{task.Name}' needs a context of type '{task.ContextType.Name}', but the " +
                    $"host's context is "
                    + $"'{hostContextType.Name}'. Call UseContext<{task.ContextType.Name}>() or change the " +
                        $"task's base class.";
            }
        }
    }

    private void WriteChildren(IConsole console, string name, string indent)
    {
        var children = edges[name];
        for (var i = 0; i < children.Count; i++)
        {
            var last = i == children.Count - 1;
            console.WriteLine($"{indent}{(last ? "└─" : "├─")}{children[i]}");
            WriteChildren(console, children[i], indent + (last ? "  " : "│ "));
        }
    }

    // Attribute edges can form cycles the definition's validator never sees; Cake's own graph check names no path.
    private static IEnumerable<string> Cycles(Dictionary<string, List<string>> before)
    {
        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var start in before.Keys.Order(StringComparer.OrdinalIgnoreCase))
        {
            if (PathBack(start, start, before, new(StringComparer.OrdinalIgnoreCase)) is { } cycle
                && reported.Add(string.Join("|", cycle.Order(StringComparer.OrdinalIgnoreCase))))
            {
                yield return $"Circular dependency: {start} -> {string.Join(" -> ", cycle)}.";
            }
        }
    }

    /// <summary>
    /// A path of dependencies from <paramref name="node"/> back to <paramref name="start"/>, or null.
    /// </summary>
    private static List<string>? PathBack(string start, string node, Dictionary<string, List<string>> before,
        HashSet<string> seen)
    {
        foreach (var next in before[node])
        {
            if (next.Equals(start, StringComparison.OrdinalIgnoreCase))
            {
                return [next];
            }

            if (seen.Add(next) && PathBack(start, next, before, seen) is { } rest)
            {
                return [next, .. rest];
            }
        }

        return null;
    }
}

/// <summary>A task class and what its attributes say, read without creating it.</summary>
internal sealed record TaskDescriptor(
    Type Type,
    string Name,
    string Description,
    IReadOnlyList<Type> DependsOn,
    Type ContextType)
{
    public static bool IsTask(Type type) =>
        type is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false }
        && (type.IsPublic || type.IsNestedPublic)
        && typeof(IFrostingTask).IsAssignableFrom(type);

    public static TaskDescriptor From(Type type) => new(
        type,
        type.GetCustomAttribute<TaskNameAttribute>()?.Name ?? type.Name,
        type.GetCustomAttribute<TaskDescriptionAttribute>()?.Description ?? string.Empty,
        [.. type.GetCustomAttributes<IsDependentOnAttribute>().Select(a => a.Task)],
        ContextTypeOf(type));

    // FrostingTask<T> and AsyncFrostingTask<T> expose ShouldRun(T); its parameter is the context the task needs.
    private static Type ContextTypeOf(Type type) =>
        type.GetMethod(nameof(IFrostingTask.ShouldRun))?.GetParameters().SingleOrDefault()?.ParameterType
            ?? typeof(ICakeContext);
}
