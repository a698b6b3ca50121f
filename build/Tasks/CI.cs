using Build.Frosting;

namespace Build.Tasks;

/// <summary>An aggregate target: its dependencies come from the pipeline definition.</summary>
[TaskName("CI")]
[TaskDescription("Everything a pull request runs")]
public sealed class CI : FrostingTask<BuildContext>
{
}
