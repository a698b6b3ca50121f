using Cake.Core;
using Cake.Core.IO;

namespace Build.Containers;

/// <summary>
/// A process runner for cleanup in <c>Finally</c>. After Ctrl-C the host's runner refuses to start processes
/// (so nothing new outlives the run), but taking a compose stack down is exactly what must still happen then.
/// Under --dryrun the host's runner is kept, so cleanup is printed, not run.
/// </summary>
public static class TeardownProcesses
{
    public static IProcessRunner Runner(BuildContext context) =>
        context.DryRun
            ? context.ProcessRunner
            : new ProcessRunner(context.FileSystem, context.Environment, context.Log, context.Tools, context.Configuration);
}
