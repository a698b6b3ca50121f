using Build.Frosting;

namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies come from the pipeline definition.</summary>
[TaskName("Test")]
[TaskDescription("Every test stage")]
public sealed class Test : FrostingTask<BuildContext>
{
}
