using Cake.Core.IO;

namespace Build.Frosting.Internal;

/// <summary>What a dry run returns instead of a started process: exited, exit code 0, no output.</summary>
internal sealed class DryRunProcess : IProcess
{
    public void WaitForExit()
    {
    }

    public bool WaitForExit(int milliseconds) => true;

    public int GetExitCode() => 0;

    public IEnumerable<string> GetStandardError() => [];

    public IEnumerable<string> GetStandardOutput() => [];

    public void Kill()
    {
    }

    public void Dispose()
    {
    }
}
