namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies and description come from the pipeline definition.</summary>
[TaskName(TargetNames.Default)]
public sealed class Default : FrostingTask<BuildContext>
{
}
