using System.Diagnostics;
using System.Text;
using Pipeline.Tests.Shared;

namespace Build.Tests.Support;

/// <summary>The outcome of one run of ./build.sh: exit code and everything it printed (stdout and stderr interleaved).</summary>
public sealed record HostResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}

/// <summary>Runs the real build host through ./build.sh, the way people and CI jobs run it.</summary>
public static class HostRun
{
    public static async Task<HostResult> RunAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string? workingDirectory = null,
        Action<Process>? started = null,
        bool asFromATerminal = false)
    {
        var info = new ProcessStartInfo(asFromATerminal ? "env" : "bash")
        {
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asFromATerminal)
        {
            // Signal dispositions are inherited like variables: a suite started in the background of a script has SIGINT
            // ignored, and the host (like any program) keeps it ignored. A test of Ctrl-C starts the host the way a
            // terminal does, with SIGINT at its default, whoever started the suite.
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add("bash");
        }
        info.ArgumentList.Add(RepoPaths.BuildScript);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        if (!info.ArgumentList.Any(argument => argument.StartsWith("--artifacts-root=", StringComparison.Ordinal)))
        {
            info.ArgumentList.Add($"--artifacts-root={TestArtifacts.Root}");
        }

        HermeticEnvironment.Apply(info.Environment, environment);

        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        started?.Invoke(process);
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"./build.sh {string.Join(' ', arguments)} did not finish in time.\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new HostResult(process.ExitCode, output.ToString());
        }
    }

    public static Task<HostResult> RunAsync(params string[] arguments) => RunAsync(arguments, null);

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append(line).Append('\n');
        }
    }
}
