using Cake.Core.IO;

namespace Build.Frosting.Additions;

/// <summary>
/// One run's interruption state: the token tasks poll and the child processes to kill when SIGINT/SIGTERM arrives.
/// </summary>
internal sealed class HostInterruption : IDisposable
{
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _source = new();
    private readonly ManualResetEventSlim _killed = new();
    private readonly HashSet<IProcess> _running = [];
    private readonly Lock _lock = new();
    private readonly ICakeLog _log;

    public HostInterruption(ICakeLog log)
    {
        _log = log;
    }

    public CancellationToken Token => _source.Token;

    public bool IsInterrupted => _source.IsCancellationRequested;

    /// <summary>Returns false when the run was already interrupted (a second signal), so the caller can let the process die.</summary>
    public bool Interrupt(string reason)
    {
        IProcess[] victims = [];
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
            ProcessKiller.Kill(process);
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

    public void Track(IProcess process)
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
        ProcessKiller.Kill(process);
    }

    public void Untrack(IProcess process)
    {
        lock (_lock)
        {
            _running.Remove(process);
        }
    }

    public void Dispose()
    {
        _source.Dispose();
        _killed.Dispose();
    }
}
