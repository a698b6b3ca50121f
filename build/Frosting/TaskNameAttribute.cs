namespace Build.Frosting;

/// <summary>The task's name on the command line and in reports; without it the class name is used.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TaskNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
