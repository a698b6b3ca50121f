using Build.Frosting;
using Build.Tests.Frosting.Support;
using Cake.Common;

namespace Build.Tests.Frosting.Scenarios;

[TaskName("Default")]
public sealed class ArgumentsTask : FrostingTask<ProbeContext>
{
    public override void Run(ProbeContext context)
    {
        context.Probe.Record($"retries={context.Argument("retries", 1)}");
        context.Probe.Record($"name={context.Argument("name", "none")}");
        context.Probe.Record($"fast={context.HasArgument("fast") && context.Argument<bool>("fast")}");
        context.Probe.Record($"targets={string.Join(",", context.Options.Targets)}");
    }
}
