using System.Diagnostics;

namespace Build.Rehearsal;

/// <summary>
/// One build of the host for every checkout, as CI's host cache gives each job: the first checkout validates (or builds)
/// it with its own build.sh, by content hash, and every later checkout gets a copy of the result.
/// </summary>
internal sealed class SharedHost(RehearsalOptions options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _built;

    public async Task PrepareAsync(string checkout)
    {
        if (options.HostFolder is not { } folder)
        {
            return;
        }

        var target = Path.Combine(checkout, folder);
        await _gate.WaitAsync();
        try
        {
            if (_built is not null)
            {
                await Copy(_built, target);
                return;
            }

            if (options.HostSeed is { } seed && Directory.Exists(seed))
            {
                await Copy(seed, target);
            }

            // build.sh compares the inputs' hash with the one the host was built from and rebuilds only on a difference.
            await Run(checkout, "bash", Path.Combine(checkout, options.BuildScript), "--version");
            _built = Path.Combine(options.ScratchFolder, "host");
            await Copy(target, _built);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static Task Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        return Run(target, "cp", "-a", source + "/.", target);
    }

    private static async Task Run(string directory, string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new RehearsalException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new RehearsalException($"{program} {string.Join(' ', arguments)} failed:\n{await output}{await error}");
        }
    }
}
