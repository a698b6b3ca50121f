using System.Reflection;


namespace Build.Frosting.Internal;

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
