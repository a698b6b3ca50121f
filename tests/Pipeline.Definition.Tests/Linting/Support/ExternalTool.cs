using System.ComponentModel;
using System.Diagnostics;
using Pipeline.Tests.Shared;

namespace Pipeline.Definition.Tests.Linting.Support;

/// <summary>What a finished tool run printed and returned.</summary>
internal sealed record ToolRun(int ExitCode, string Output, string Errors)
{
    /// <summary>Both streams, for assertion messages: a linter's reason for failing may be on either.</summary>
    public string Everything => $"exit code {ExitCode}\n{Output}{Errors}";
}

/// <summary>Runs a command-line tool; a tool that is not installed fails the test with how to install it.</summary>
internal static class ExternalTool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static ToolRun Run(string tool, IEnumerable<string> arguments, string installHint, string? input = null)
    {
        var info = new ProcessStartInfo(tool)
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        HermeticEnvironment.Apply(info.Environment);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Start(info, tool, installHint);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? string.Empty);
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{tool} {string.Join(' ', info.ArgumentList)}' did not finish within {Timeout.TotalSeconds} s.");
        }

        return new ToolRun(process.ExitCode, output.Result, errors.Result);
    }

    public static string NotInstalled(string tool, string installHint) =>
        $"'{tool}' is not installed or not on PATH. {installHint} (scripts/setup-machine.sh sets up everything these tests need).";

    private static Process Start(ProcessStartInfo info, string tool, string installHint)
    {
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"'{tool}' did not start.");
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException(NotInstalled(tool, installHint));
        }
    }
}
