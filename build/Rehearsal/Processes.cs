namespace Build.Rehearsal;

/// <summary>A rehearsal that cannot start or did not pass; the message says what is wrong and what to do.</summary>
public sealed class RehearsalException(string message) : Exception(message);

/// <summary>
/// The processes a rehearsal starts itself (git, cp, rm, the engine script, the jobs): they must answer before and
/// around the jobs, and a job's host must first get a POSIX signal to clean up (.NET can only kill).
/// </summary>
internal static class Processes
{
    private const int SigInt = 2;

    public static ProcessStartInfo Info(string program, IEnumerable<string> arguments, string? directory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>
    /// Runs a program to its end and returns its output; a non-zero exit throws <paramref name="failure"/> with what it
    /// printed.
    /// </summary>
    public static async Task<string> RunAsync(ProcessStartInfo info, string failure,
        CancellationToken cancellation = default)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        var exitCode =
            await ExitCodeAsync(info, line => output.AppendLine(line), line => error.AppendLine(line), TimeSpan.Zero,
            cancellation);
        cancellation.ThrowIfCancellationRequested();
        if (exitCode != 0)
        {
            throw new RehearsalException($"{failure}:\n{output}{error.ToString().Trim()}");
        }

        return output.ToString().Trim();
    }

    /// <summary>
    /// Runs a program to its end, handing each line it prints on. Cancellation sends SIGINT, so it can clean up; its
    /// whole tree is killed when it has not ended within <paramref name="grace"/>.
    /// </summary>
    public static async Task<int> ExitCodeAsync(ProcessStartInfo info, Action<string> output, Action<string> error,
        TimeSpan grace, CancellationToken cancellation)
    {
        using var process = Process.Start(info)
            ?? throw new RehearsalException($"{info.FileName} could not be started: install it.");
        var pumps = Task.WhenAll(Pump(process.StandardOutput, output), Pump(process.StandardError, error));
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            await StopAsync(process, grace);
        }

        await pumps;
        return process.ExitCode;
    }

    /// <summary>
    /// Copies the content of <paramref name="source"/> into <paramref name="target"/>, merging with what is there.
    /// </summary>
    public static Task CopyAsync(string source, string target)
    {
        Directory.CreateDirectory(target);
        return RunAsync(Info("cp", ["-a", source + "/.", target]), $"cp -a {source}/. {target} failed");
    }

    public static void Delete(string path)
    {
        // rm handles read-only trees (npm caches, git objects, an engine's data) that Directory.Delete stops at.
        using var rm = Process.Start(new ProcessStartInfo("rm", ["-rf", path]) { UseShellExecute = false });
        rm?.WaitForExit();
    }

    /// <summary>
    /// SIGINT first, so the process can clean up; its whole tree is killed when it has not ended within
    /// <paramref name="grace"/>.
    /// </summary>
    public static async Task StopAsync(Process process, TimeSpan grace)
    {
        _ = NativeMethods.Kill(process.Id, SigInt);
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            // Bounded: a process that is not our child may stay a zombie until its parent reaps it.
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    private static async Task Pump(StreamReader reader, Action<string> line)
    {
        while (await reader.ReadLineAsync() is { } text)
        {
            line(text);
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int sig);
    }
}
