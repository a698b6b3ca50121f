namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies and description come from the pipeline definition.</summary>
[TaskName(TargetNames.Lint)]
public sealed class Lint : FrostingTask<BuildContext>
{
}
