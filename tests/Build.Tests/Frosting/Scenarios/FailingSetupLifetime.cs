using Build.Frosting;
using Build.Tests.Frosting.Support;
using Cake.Core;

namespace Build.Tests.Frosting.Scenarios;

public sealed class FailingSetupLifetime : FrostingLifetime<ProbeContext>
{
    public override void Setup(ProbeContext context, ISetupContext info) =>
        throw new InvalidOperationException("docker is not running");

    public override void Teardown(ProbeContext context, ITeardownContext info) => context.Probe.Record("Teardown");
}
