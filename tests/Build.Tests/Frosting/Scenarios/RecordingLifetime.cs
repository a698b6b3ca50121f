using Build.Frosting;
using Build.Tests.Frosting.Support;
using Cake.Core;

namespace Build.Tests.Frosting.Scenarios;

public sealed class RecordingLifetime : FrostingLifetime<ProbeContext>
{
    public override void Setup(ProbeContext context, ISetupContext info) => context.Probe.Record("Setup");

    public override void Teardown(ProbeContext context, ITeardownContext info) =>
        context.Probe.Record($"Teardown:{(info.Successful ? "ok" : "failed")}");
}
