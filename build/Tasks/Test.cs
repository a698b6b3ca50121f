namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies and description come from the pipeline definition.</summary>
[TaskName(TargetNames.Test)]
public sealed class Test : FrostingTask<BuildContext>
{
}
