using Build.Frosting;

namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies come from the pipeline definition.</summary>
[TaskName("Images")]
[TaskDescription("Every images stage")]
public sealed class Images : FrostingTask<BuildContext>
{
}
