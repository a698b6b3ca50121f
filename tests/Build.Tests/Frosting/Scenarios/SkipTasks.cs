using Build.Frosting;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting.Scenarios;

[TaskName("Deploy")]
public sealed class SkippedDeploy : RecordingTask
{
    public override RunDecision ShouldRun(ProbeContext context) => RunDecision.Skip("Deploy-Production runs only on main");
}

[TaskName("Default")]
[IsDependentOn(typeof(SkippedDeploy))]
public sealed class SkipDefault : RecordingTask;
