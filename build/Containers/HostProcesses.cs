using Cake.Core.IO;

namespace Build.Containers;

/// <summary>
/// Process runners beside the host's own. After Ctrl-C the host's runner refuses to start processes (so nothing new
/// outlives the run), but taking a compose stack down is exactly what must still happen then; and under --dryrun the
/// host's runner starts nothing, while a read-only probe must still give a real answer for the printed commands.
/// </summary>
public static class HostProcesses
{
    /// <summary>For cleanup in <c>Finally</c>; under --dryrun the host's runner, so cleanup is printed, not run.</summary>
    public static IProcessRunner Teardown(BuildContext context) => context.DryRun ? context.ProcessRunner : Untracked(context);

    /// <summary>For probes that change nothing (which compose variant is installed), also under --dryrun.</summary>
    public static IProcessRunner ReadOnly(BuildContext context) => Untracked(context);

    private static ProcessRunner Untracked(BuildContext context) =>
        new(context.FileSystem, context.Environment, context.Log, context.Tools, context.Configuration);
}
