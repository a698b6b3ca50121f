namespace Build.Frosting;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>One line shown by <c>--description</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TaskDescriptionAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}

/// <summary>An edge between the annotated task and <see cref="Task"/>.</summary>
public abstract class TaskDependencyAttribute(Type task) : Attribute
{
    public Type Task { get; } = task;
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class IsDependentOnAttribute(Type task) : TaskDependencyAttribute(task);

/// <summary>The annotated task runs before <see cref="TaskDependencyAttribute.Task"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class IsDependeeOfAttribute(Type task) : TaskDependencyAttribute(task);

/// <summary>A failure of the annotated task is reported but does not stop the run or fail its exit code.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ContinueOnErrorAttribute : Attribute
{
}
