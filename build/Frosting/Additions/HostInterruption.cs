namespace Build.Frosting.Additions;

/// <summary>
/// One run's interruption state: the token tasks poll and the child processes to kill. SIGINT (Ctrl+C) and SIGTERM
/// (CI cancellation) interrupt the run instead of killing the host, so teardown and the summary still run; a second
/// signal is not intercepted and ends the process.
/// </summary>
internal sealed class HostInterruption : IDisposable
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    // Cake's ProcessWrapper is internal and its Kill() only kills the direct child, then waits for redirected
    // output to close, which hangs while grandchildren (npm -> node) hold the pipe. Its System.Diagnostics.Process
    // lets us kill the whole tree; if Cake's internals change we fall back to IProcess.Kill().
    private static readonly FieldInfo? ProcessField =
        Type.GetType("Cake.Core.IO.ProcessWrapper, Cake.Core")?.GetField("_process",
            BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly ICakeLog _log;
    private readonly CancellationTokenSource _source = new();
    private readonly ManualResetEventSlim _killed = new();
    private readonly PosixSignalRegistration _sigterm;
    private int _signals;

    public HostInterruption(ICakeLog log)
    {
        _log = log;
        Console.CancelKeyPress += OnCancelKeyPress;
        // .NET maps SIGTERM on Linux, macOS and Windows (console close/shutdown), every platform the host runs on.
        _sigterm =
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = Interrupt("SIGTERM"));
    }

    public CancellationToken Token => _source.Token;

    public bool IsInterrupted => _source.IsCancellationRequested;

    /// <summary>
    /// Returns false when the run was already interrupted (a second signal), so the caller can let the process die.
    /// </summary>
    public bool Interrupt(string reason)
    {
        if (Interlocked.Increment(ref _signals) > 1)
        {
            // The process is about to end: let the first signal's kill pass finish so no child outlives it.
            _killed.Wait(KillWait);
            return false;
        }

        _log.Warning("{0}: stopping the running task; teardown and the summary still run.", reason);
        _source.Cancel();
        _killed.Set();
        return true;
    }

    public void ThrowIfInterrupted()
    {
        if (IsInterrupted)
        {
            throw new BuildInterruptedException();
        }
    }

    /// <summary>
    /// Kills <paramref name="process"/> when the run is interrupted (at once if it already is). Cancelling the token
    /// runs these kills, so the first signal's <see cref="Interrupt"/> returns only after every child was killed.
    /// </summary>
    public void Track(IProcess process) => _source.Token.Register(() => Kill(process));

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _sigterm.Dispose();
        _source.Dispose();
        _killed.Dispose();
    }

    private static void Kill(IProcess process)
    {
        try
        {
            if (ProcessField?.GetValue(process) is Process system)
            {
                system.Kill(entireProcessTree: true);
            }
            else
            {
                process.Kill();
            }
        }
        catch (Exception ex)
            when (ex is InvalidOperationException or ObjectDisposedException or System.ComponentModel.Win32Exception)
        {
            // Already exited or disposed: nothing left to kill.
        }
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => e.Cancel = Interrupt("SIGINT");
}

/// <summary>Starts processes through Cake's runner and remembers them so an interruption can kill them.</summary>
internal sealed class TrackingProcessRunner(IProcessRunner inner, HostInterruption interruption) : IProcessRunner
{
    public IProcess Start(FilePath filePath, ProcessSettings settings)
    {
        interruption.ThrowIfInterrupted();
        var process = inner.Start(filePath, settings);
        interruption.Track(process);
        return process;
    }
}

/// <summary>The failure of the task that was running when SIGINT/SIGTERM arrived.</summary>
internal sealed class BuildInterruptedException(Exception? inner = null) : Exception("Interrupted", inner);
