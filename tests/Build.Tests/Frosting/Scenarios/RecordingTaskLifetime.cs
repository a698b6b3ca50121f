using Build.Frosting;
using Build.Tests.Frosting.Support;
using Cake.Core;

namespace Build.Tests.Frosting.Scenarios;

public sealed class RecordingTaskLifetime : FrostingTaskLifetime<ProbeContext>
{
    public override void Setup(ProbeContext context, ITaskSetupContext info) => context.Probe.Record("TaskSetup:" + info.Task.Name);

    public override void Teardown(ProbeContext context, ITaskTeardownContext info) =>
        context.Probe.Record($"TaskTeardown:{info.Task.Name}:{(info.Skipped ? "skipped" : "ran")}");
}
