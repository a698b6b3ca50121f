namespace Build.Frosting.Internal;

/// <summary>The run's tasks and their attribute edges, checked for problems before anything is created.</summary>
internal sealed class TaskCatalog
{
    private TaskCatalog(IReadOnlyList<TaskDescriptor> tasks, IReadOnlyList<string> errors)
    {
        Tasks = tasks;
        Errors = errors;
    }

    public IReadOnlyList<TaskDescriptor> Tasks { get; }

    public IReadOnlyList<string> Errors { get; }

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
