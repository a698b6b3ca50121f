namespace Build.Frosting.Additions;

internal static class ProcessKiller
{
    // Cake's ProcessWrapper is internal and its Kill() only kills the direct child, then waits for redirected
    // output to close, which hangs while grandchildren (npm -> node) hold the pipe. Its System.Diagnostics.Process
    // lets us kill the whole tree; if Cake's internals change we fall back to IProcess.Kill().
    private static readonly FieldInfo? ProcessField =
        Type.GetType("Cake.Core.IO.ProcessWrapper, Cake.Core")?.GetField("_process", BindingFlags.Instance | BindingFlags.NonPublic);

    public static void Kill(IProcess process)
    {
        try
        {
            if (process is TrackedProcess tracked)
            {
                Kill(tracked.Inner);
            }
            else if (ProcessField?.GetValue(process) is Process system)
            {
                system.Kill(entireProcessTree: true);
            }
            else
            {
                process.Kill();
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or System.ComponentModel.Win32Exception)
        {
            // Already exited or disposed: nothing left to kill.
        }
    }
}
