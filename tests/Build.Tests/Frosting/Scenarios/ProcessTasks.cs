using Build.Frosting;
using Build.Tests.Frosting.Support;
using Cake.Common;
using Cake.Core;
using Cake.Core.IO;
using Pipeline.Tests.Shared;

namespace Build.Tests.Frosting.Scenarios;

/// <summary>Runs /bin/false with a secret argument: exit code 1 for real, 0 and a printed command under --dryrun.</summary>
[TaskName("Default")]
public sealed class PushTask : FrostingTask<ProbeContext>
{
    public override void Run(ProbeContext context)
    {
        if (!context.DryRun)
        {
            HermeticEnvironment.RefuseInFastTier();
        }
        var arguments = new ProcessArgumentBuilder().Append("push").AppendSecret("s3cr3t-token");
        var exitCode = context.StartProcess("/bin/false", new ProcessSettings { Arguments = arguments, WorkingDirectory = "/tmp" });
        context.Probe.Record($"exit={exitCode}");
        context.Probe.Record($"dryRun={context.DryRun}");
    }
}
