using System.Diagnostics;

namespace Build.Rehearsal;

/// <summary>
/// A Docker engine of the job's own (<c>scripts/container-engine.sh start</c> with its own socket, data and address
/// pool): it starts empty but for the base image, the stand-in for the pull from Docker Hub a runner would do, so the
/// job sees only the images it builds or loads from the images artifact. The machine's registry is shared, as the
/// registry on GitHub is.
/// </summary>
public sealed class PrivateDockerEngine(string engineScript, string baseImageCache) : IJobEngine
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(40);

    public async Task<IReadOnlyDictionary<string, string>> StartAsync(JobWorkspace job, CancellationToken cancellation)
    {
        var folder = Folder(job);
        Directory.CreateDirectory(folder);
        var environment = new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = $"unix://{Path.Combine(folder, "docker.sock")}",
            ["CONTAINER_ENGINE_DIR"] = folder,
            // One /16 per job, away from the machine engine's default 10.213.0.0/16.
            ["ENGINE_ADDRESS_POOL"] = string.Create(CultureInfo.InvariantCulture, $"10.{230 + (job.Index % 25)}.0.0/16"),
            ["BASE_IMAGE_CACHE_DIR"] = baseImageCache,
        };
        var info = new ProcessStartInfo("bash", [engineScript, "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new RehearsalException("bash could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new RehearsalException($"The private engine of {job.JobId} did not start ({engineScript} start):\n{await output}{await error}");
        }

        return new Dictionary<string, string> { ["DOCKER_HOST"] = environment["DOCKER_HOST"] };
    }

    public async Task StopAsync(JobWorkspace job)
    {
        var folder = Folder(job);
        var pidFile = Path.Combine(folder, "dockerd.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            await StopProcess(pid);
        }

        Checkouts.DeleteFolder(folder);
    }

    // dockerd stops its containers (a stack a killed job left behind included) and containerd before it exits.
    private static async Task StopProcess(int pid)
    {
        Process dockerd;
        try
        {
            dockerd = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return;
        }

        using (dockerd)
        {
            if (!dockerd.ProcessName.StartsWith("dockerd", StringComparison.Ordinal))
            {
                return;
            }

            Signals.Send(pid, Signals.Terminate);
            using var wait = new CancellationTokenSource(StopWait);
            try
            {
                await dockerd.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                dockerd.Kill(entireProcessTree: true);
            }
        }
    }

    private static string Folder(JobWorkspace job) => Path.Combine(job.Scratch, "engine");
}
