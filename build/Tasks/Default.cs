using Build.Frosting;

namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies come from the pipeline definition.</summary>
[TaskName("Default")]
[TaskDescription("Runs CI")]
public sealed class Default : FrostingTask<BuildContext>
{
}
