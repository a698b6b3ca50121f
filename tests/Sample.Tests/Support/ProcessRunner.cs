using System.Diagnostics;
using Pipeline.Tests.Shared;

namespace Sample.Tests.Support;

/// <summary>Outcome of one external command.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string StdOut, string StdErr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Everything a failed assertion needs to explain itself.</summary>
    public string Describe() => $"`{CommandLine}` exited {ExitCode}\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
}

/// <summary>Runs a program with an argument list (no shell) and captures its output.</summary>
public static class ProcessRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static ProcessResult Run(
        string program,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        HermeticEnvironment.Apply(info.Environment, environment);

        using var process = Process.Start(info)
            ?? throw new InvalidOperationException($"Could not start '{program}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{program}' did not finish within {Timeout.TotalSeconds} s.");
        }

        var commandLine = string.Join(' ', new[] { program }.Concat(info.ArgumentList));
        return new ProcessResult(commandLine, process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>First executable named <paramref name="name"/> on PATH, or null.</summary>
    public static string? FindOnPath(string name, string? pathVariable)
    {
        foreach (var dir in (pathVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
