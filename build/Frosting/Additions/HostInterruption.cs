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
        Type.GetType("Cake.Core.IO.ProcessWrapper, Cake.Core")?.GetField("_process", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly ICakeLog _log;
    private readonly CancellationTokenSource _source = new();
    private readonly ManualResetEventSlim _killed = new();
    private readonly HashSet<TrackedProcess> _running = [];
    private readonly Lock _lock = new();
    private readonly PosixSignalRegistration? _sigterm;

    public HostInterruption(ICakeLog log)
    {
        _log = log;
        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = Interrupt("SIGTERM"));
        }
        catch (PlatformNotSupportedException)
        {
            _sigterm = null;
        }
    }

    public CancellationToken Token => _source.Token;

    public bool IsInterrupted => _source.IsCancellationRequested;

    /// <summary>Returns false when the run was already interrupted (a second signal), so the caller can let the process die.</summary>
    public bool Interrupt(string reason)
    {
        TrackedProcess[] victims = [];
        bool first;
        lock (_lock)
        {
            first = !_source.IsCancellationRequested;
            if (first)
            {
                _source.Cancel();
                victims = [.. _running];
                _running.Clear();
            }
        }

        if (!first)
        {
            // The process is about to end: let the first signal's kill pass finish so no child outlives it.
            _killed.Wait(KillWait);
            return false;
        }

        _log.Warning("{0}: stopping the running task; teardown and the summary still run.", reason);
        foreach (var process in victims)
        {
            Kill(process);
        }

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

    public void Track(TrackedProcess process)
    {
        lock (_lock)
        {
            if (!_source.IsCancellationRequested)
            {
                _running.Add(process);
                return;
            }
        }

        // Started while the interruption was being handled: it must not outlive the run.
        Kill(process);
    }

    public void Untrack(TrackedProcess process)
    {
        lock (_lock)
        {
            _running.Remove(process);
        }
    }

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _sigterm?.Dispose();
        _source.Dispose();
        _killed.Dispose();
    }

    private static void Kill(TrackedProcess process)
    {
        try
        {
            if (ProcessField?.GetValue(process.Inner) is Process system)
            {
                system.Kill(entireProcessTree: true);
            }
            else
            {
                process.Inner.Kill();
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or System.ComponentModel.Win32Exception)
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
        var process = new TrackedProcess(inner.Start(filePath, settings), interruption);
        interruption.Track(process);
        return process;
    }
}

/// <summary>A started process the host can kill on interruption; it stops being tracked once it has been waited for.</summary>
internal sealed class TrackedProcess(IProcess inner, HostInterruption interruption) : IProcess
{
    public IProcess Inner => inner;

    public void WaitForExit()
    {
        inner.WaitForExit();
        interruption.Untrack(this);
    }

    public bool WaitForExit(int milliseconds)
    {
        // Cake kills the process when the timeout elapses, so it is done either way.
        var exited = inner.WaitForExit(milliseconds);
        interruption.Untrack(this);
        return exited;
    }

    public int GetExitCode() => inner.GetExitCode();

    public IEnumerable<string> GetStandardError() => inner.GetStandardError();

    public IEnumerable<string> GetStandardOutput() => inner.GetStandardOutput();

    public void Kill() => inner.Kill();

    public void Dispose()
    {
        interruption.Untrack(this);
        inner.Dispose();
    }
}

/// <summary>The failure of the task that was running when SIGINT/SIGTERM arrived.</summary>
internal sealed class BuildInterruptedException(Exception? inner = null) : Exception("Interrupted", inner);
