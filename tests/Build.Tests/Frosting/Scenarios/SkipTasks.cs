using Build.Frosting.Additions;
using Build.Frosting;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting.Scenarios;

[TaskName("Deploy")]
public sealed class SkippedDeploy : RecordingTask
{
    public override bool ShouldRun(ProbeContext context) => context.Skip("Deploy-Production runs only on main");
}

[TaskName("Default")]
[IsDependentOn(typeof(SkippedDeploy))]
public sealed class SkipDefault : RecordingTask;
