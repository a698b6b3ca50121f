using Build.Frosting;
using Build.Tests.Frosting.Support;
using Cake.Core;

namespace Build.Tests.Frosting.Scenarios;

public sealed class FailingTeardownLifetime : FrostingLifetime<ProbeContext>
{
    public override void Setup(ProbeContext context, ISetupContext info) => context.Probe.Record("Setup");

    public override void Teardown(ProbeContext context, ITeardownContext info) =>
        throw new InvalidOperationException("could not stop the compose stack");
}
