using Build.Frosting;

namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies come from the pipeline definition.</summary>
[TaskName("Security")]
[TaskDescription("Every security stage")]
public sealed class Security : FrostingTask<BuildContext>
{
}
