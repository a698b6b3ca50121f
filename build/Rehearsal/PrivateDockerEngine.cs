namespace Build.Rehearsal;

/// <summary>
/// A Docker engine of the job's own (<c>scripts/container-engine.sh start</c> with its own socket, data and address
/// pool): it starts empty but for the base image, the stand-in for the pull from Docker Hub a runner would do, so the
/// job sees only the images it builds or loads from the images artifact. The machine's registry is shared, as the
/// registry on GitHub is.
/// </summary>
public sealed class PrivateDockerEngine(string engineScript, string baseImageCache)
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(40);

    /// <summary>
    /// Starts the engine and returns the <c>DOCKER_HOST</c> that points the job's docker calls at it.
    /// </summary>
    public async Task<string> StartAsync(JobWorkspace job, CancellationToken cancellation)
    {
        var folder = Folder(job);
        Directory.CreateDirectory(folder);
        var dockerHost = $"unix://{Path.Combine(folder, "docker.sock")}";
        var environment = new Dictionary<string, string>
        {
            ["DOCKER_HOST"] = dockerHost,
            ["CONTAINER_ENGINE_DIR"] = folder,
            // One /16 per job, away from the machine engine's default 10.213.0.0/16.
            ["ENGINE_ADDRESS_POOL"] =
                string.Create(CultureInfo.InvariantCulture, $"10.{230 + (job.Index % 25)}.0.0/16"),
            ["BASE_IMAGE_CACHE_DIR"] = baseImageCache,
        };
        await Processes.RunAsync(Processes.Info("bash", [engineScript, "start"], environment: environment),
            $"The private engine of {job.JobId} did not start ({engineScript} start)", cancellation);
        return dockerHost;
    }

    /// <summary>Stops what <see cref="StartAsync"/> started; runs also after a failure or an interruption.</summary>
    public async Task StopAsync(JobWorkspace job)
    {
        var pidFile = Path.Combine(Folder(job), "dockerd.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid)
            && Dockerd(pid) is { } dockerd)
        {
            // On SIGINT, as on SIGTERM, dockerd stops its containers (a stack a killed job left behind included) and
            // containerd before it exits.
            using (dockerd)
            {
                await Processes.StopAsync(dockerd, StopWait);
            }
        }

        Processes.Delete(Folder(job));
    }

    // A pid file whose process has gone, or whose number another process has taken since, names no engine of ours.
    private static Process? Dockerd(int pid) =>
        Process.GetProcesses().FirstOrDefault(
            process => process.Id == pid && process.ProcessName.StartsWith("dockerd", StringComparison.Ordinal));

    private static string Folder(JobWorkspace job) => Path.Combine(job.Scratch, "engine");
}
