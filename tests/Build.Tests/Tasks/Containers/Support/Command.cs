using System.Diagnostics;
using Pipeline.Tests.Shared;

namespace Build.Tests.Tasks.Containers.Support;

/// <summary>What a command printed and how it ended.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}

/// <summary>Runs a command to completion (docker, git, the engine script), capturing its output.</summary>
public static class Command
{
    public static async Task<CommandResult> RunAsync(
        string program, IEnumerable<string> arguments, TimeSpan? timeout = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Build.Tests.Support.RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        HermeticEnvironment.Apply(info.Environment, environment);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in time.");
        }
        return new CommandResult(process.ExitCode, await output, await error);
    }

    public static Task<CommandResult> Docker(params string[] arguments) => RunAsync("docker", arguments);

    /// <summary>Every container, network and volume carrying the compose project's label.</summary>
    public static async Task<IReadOnlyList<string>> ComposeLeftovers(string project)
    {
        var filter = $"label=com.docker.compose.project={project}";
        var containers = await Docker("ps", "-a", "-q", "--filter", filter);
        var networks = await Docker("network", "ls", "-q", "--filter", filter);
        var volumes = await Docker("volume", "ls", "-q", "--filter", filter);
        if (new[] { containers, networks, volumes }.FirstOrDefault(result => result.ExitCode != 0) is { } failed)
        {
            // An engine that does not answer would otherwise look like "nothing left".
            throw new InvalidOperationException($"docker could not list the project's leftovers: {failed}");
        }
        return
        [
            .. Lines(containers.Output).Select(id => $"container {id}"),
            .. Lines(networks.Output).Select(id => $"network {id}"),
            .. Lines(volumes.Output).Select(name => $"volume {name}"),
        ];
    }

    public static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
