namespace Build.Frosting;

/// <summary>A failure of the annotated task is reported but does not stop the run or fail its exit code.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class ContinueOnErrorAttribute : Attribute
{
}
