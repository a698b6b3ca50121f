namespace Build.Frosting.Internal;

/// <summary>The run's tasks and their attribute edges, checked for problems before anything is created.</summary>
internal sealed record TaskCatalog(IReadOnlyList<TaskDescriptor> Tasks, IReadOnlyList<string> Errors)
{
    public IReadOnlyList<string> Names => [.. Tasks.Select(t => t.Name)];

    public static TaskCatalog Create(IEnumerable<Type> taskTypes, Type hostContextType, ITaskGraphProvider? provider = null)
    {
        var tasks = taskTypes.Distinct()
            .Select(TaskDescriptor.From)
            .Select(t => t.Description.Length > 0 ? t : t with { Description = provider?.DescriptionOf(t.Name) ?? string.Empty })
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var byType = tasks.ToDictionary(t => t.Type);
        var errors = new List<string>();
        errors.AddRange(DuplicateNames(tasks));
        foreach (var task in tasks)
        {
            errors.AddRange(UnknownEdges(task, byType));
            if (!task.ContextType.IsAssignableFrom(hostContextType))
            {
                errors.Add($"Task '{task.Name}' needs a context of type '{task.ContextType.Name}', but the host's context is "
                    + $"'{hostContextType.Name}'. Call UseContext<{task.ContextType.Name}>() or change the task's base class.");
            }
        }

        return new TaskCatalog(tasks, errors);
    }

    public string NameOf(Type type) => Tasks.First(t => t.Type == type).Name;

    private static IEnumerable<string> DuplicateNames(IEnumerable<TaskDescriptor> tasks) =>
        tasks.GroupBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"Several tasks are named '{g.Key}': {string.Join(", ", g.Select(t => t.Type.FullName))}. Give each a unique [TaskName].");

    private static IEnumerable<string> UnknownEdges(TaskDescriptor task, Dictionary<Type, TaskDescriptor> byType)
    {
        foreach (var type in task.DependsOn.Where(t => !byType.ContainsKey(t)))
        {
            yield return $"Task '{task.Name}' is dependent on '{type.FullName}', which is not a registered task.";
        }

        foreach (var type in task.DependeeOf.Where(t => !byType.ContainsKey(t)))
        {
            yield return $"Task '{task.Name}' is a dependee of '{type.FullName}', which is not a registered task.";
        }
    }
}

/// <summary>A task class and what its attributes say, read without creating it.</summary>
internal sealed record TaskDescriptor(
    Type Type,
    string Name,
    string Description,
    IReadOnlyList<Type> DependsOn,
    IReadOnlyList<Type> DependeeOf,
    bool ContinueOnError,
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
        [.. type.GetCustomAttributes<IsDependeeOfAttribute>().Select(a => a.Task)],
        type.GetCustomAttribute<ContinueOnErrorAttribute>() is not null,
        ContextTypeOf(type));

    private static Type ContextTypeOf(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType
                && (current.GetGenericTypeDefinition() == typeof(FrostingTask<>)
                    || current.GetGenericTypeDefinition() == typeof(AsyncFrostingTask<>)))
            {
                return current.GetGenericArguments()[0];
            }
        }

        throw new InvalidOperationException($"'{type.FullName}' does not derive from FrostingTask<T> or AsyncFrostingTask<T>.");
    }
}
