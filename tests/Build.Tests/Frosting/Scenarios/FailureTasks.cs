using Build.Frosting;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting.Scenarios;

[TaskName("Fail")]
public sealed class FailingTask : FrostingTask<ProbeContext>
{
    public override void Run(ProbeContext context) => throw new InvalidOperationException("boom");

    public override void OnError(Exception exception, ProbeContext context) => context.Probe.Record("OnError:" + exception.Message);

    public override void Finally(ProbeContext context) => context.Probe.Record("Finally:Fail");
}

[TaskName("Default")]
[IsDependentOn(typeof(FailingTask))]
public sealed class FailDefault : RecordingTask;
