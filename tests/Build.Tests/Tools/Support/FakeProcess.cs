using Cake.Core.IO;

namespace Build.Tests.Tools.Support;

/// <summary>A finished process; output passes through the caller's redirect handlers like Cake's real runner.</summary>
public sealed class FakeProcess(ProcessReply reply, ProcessSettings settings) : IProcess
{
    public void WaitForExit()
    {
    }

    public bool WaitForExit(int milliseconds) => true;

    public int GetExitCode() => reply.ExitCode;

    public IEnumerable<string> GetStandardOutput() => Redirect(reply.Output, settings.RedirectStandardOutput, settings.RedirectedStandardOutputHandler);

    public IEnumerable<string> GetStandardError() => Redirect(reply.Error, settings.RedirectStandardError, settings.RedirectedStandardErrorHandler);

    public void Kill()
    {
    }

    public void Dispose()
    {
    }

    private static IEnumerable<string> Redirect(IReadOnlyList<string>? lines, bool redirected, Func<string, string>? handler) =>
        !redirected || lines is null ? [] : lines.Select(line => handler is null ? line : handler(line)).ToList();
}
