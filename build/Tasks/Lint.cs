namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies and description come from the pipeline definition.</summary>
[TaskName("Lint")]
public sealed class Lint : FrostingTask<BuildContext>
{
}
