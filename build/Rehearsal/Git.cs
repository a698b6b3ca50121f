using System.Diagnostics;

namespace Build.Rehearsal;

/// <summary>The git commands a rehearsal needs, run directly: they must answer before any job starts.</summary>
internal static class Git
{
    public static string Run(string repository, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new RehearsalException("git could not be started: install git.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new RehearsalException($"git {string.Join(' ', arguments)} failed in {repository}: {error.Result.Trim()}");
        }

        return output.Result.Trim();
    }

    public static string Run(string repository, params string[] arguments) => Run(repository, null, arguments);
}
