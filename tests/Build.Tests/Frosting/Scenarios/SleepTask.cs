using Build.Frosting;
using Build.Frosting.Additions;
using Build.Tests.Frosting.Support;
using Cake.Core.IO;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Tests.Shared;

namespace Build.Tests.Frosting.Scenarios;

/// <summary>Starts `sleep` through the context's process runner and waits for it, like a long tool run.</summary>
[TaskName("Default")]
public sealed class SleepTask(SleepSignal signal) : FrostingTask<ProbeContext>
{
    public override void Run(ProbeContext context)
    {
        HermeticEnvironment.RefuseInFastTier();
        var process = context.ProcessRunner.Start("sleep", new ProcessSettings { Arguments = signal.Seconds });
        var interruption = context.ServiceProvider.GetRequiredService<HostInterruption>();
        signal.Started.TrySetResult(() => interruption.Interrupt("Interrupted"));
        process.WaitForExit();
        context.Probe.Record($"exit={process.GetExitCode()}");
        context.Probe.Record($"cancelled={context.CancellationToken.IsCancellationRequested}");
    }

    public override void Finally(ProbeContext context) => context.Probe.Record("Finally");
}
