using Build.Frosting;

namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies come from the pipeline definition.</summary>
[TaskName("Lint")]
[TaskDescription("Every lint stage")]
public sealed class Lint : FrostingTask<BuildContext>
{
}
