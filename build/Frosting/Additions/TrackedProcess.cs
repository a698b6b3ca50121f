using Cake.Core.IO;

namespace Build.Frosting.Additions;

/// <summary>A started process the host can kill on interruption; it stops being tracked once it has been waited for.</summary>
internal sealed class TrackedProcess : IProcess
{
    private readonly HostInterruption _interruption;

    public TrackedProcess(IProcess inner, HostInterruption interruption)
    {
        Inner = inner;
        _interruption = interruption;
    }

    public IProcess Inner { get; }

    public void WaitForExit()
    {
        Inner.WaitForExit();
        _interruption.Untrack(this);
    }

    public bool WaitForExit(int milliseconds)
    {
        // Cake kills the process when the timeout elapses, so it is done either way.
        var exited = Inner.WaitForExit(milliseconds);
        _interruption.Untrack(this);
        return exited;
    }

    public int GetExitCode() => Inner.GetExitCode();

    public IEnumerable<string> GetStandardError() => Inner.GetStandardError();

    public IEnumerable<string> GetStandardOutput() => Inner.GetStandardOutput();

    public void Kill() => Inner.Kill();

    public void Dispose()
    {
        _interruption.Untrack(this);
        Inner.Dispose();
    }
}
