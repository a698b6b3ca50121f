namespace Build.Rehearsal;

/// <summary>
/// Where one job runs: its checkout, a short scratch folder (engine sockets must stay under the 108-character limit
/// of a Unix socket path) and its log.
/// </summary>
public sealed record JobWorkspace(string JobId, int Index, string Checkout, string Scratch, string LogPath);

/// <summary>
/// One job the way a runner does it: a clean checkout, the restored host, its own engine, the downloads, the job's
/// command with the job's environment, the uploads; then the engine stopped and the checkout removed, also when the
/// job failed or the run was interrupted. Only the declared artifacts cross between checkouts.
/// </summary>
public sealed partial class IsolatedRun
{
    private async Task<JobResult> RunJobAsync(Stage stage, JobWorkspace workspace, CancellationToken cancellation)
    {
        var phases = new JobPhases("checkout");
        var start = _clock.Elapsed;
        var engine = options.EngineFor(stage);
        string? reason;
        var uploaded = new List<string>();
        using var file = new StreamWriter(workspace.LogPath, append: false) { AutoFlush = true };
        // The job's two output streams and the rehearsal's notes write to it side by side.
        var log = TextWriter.Synchronized(file);
        try
        {
            reason = await RunStepsAsync(stage, workspace, engine, phases, log, uploaded, cancellation);
        }
        catch (Exception error) when (error is RehearsalException or OperationCanceledException or IOException)
        {
            reason = Note(log, error is OperationCanceledException ? "interrupted" : error.Message);
        }
        finally
        {
            phases.End();
            // Off the job's path, as a runner's teardown is: dependants start while the engine stops and the checkout
            // goes.
            lock (_cleanups)
            {
                _cleanups.Add(Task.Run(() => CleanupAsync(engine, workspace)));
            }
        }

        Note(log, "time per phase: " +
            string.Join(", ", phases.Finished.Select(p => $"{p.Phase} {p.Time.TotalSeconds:0.0} s")));
        return new JobResult(stage, reason is null ? JobOutcome.Passed : JobOutcome.Failed, reason, start,
            _clock.Elapsed, phases.Finished, workspace.LogPath, uploaded);
    }

    /// <summary>
    /// The job's steps in a runner's order, each a phase of <paramref name="phases"/>: why the job failed, or null.
    /// </summary>
    private async Task<string?> RunStepsAsync(Stage stage, JobWorkspace workspace, PrivateDockerEngine? engine,
        JobPhases phases, TextWriter log, List<string> uploaded, CancellationToken cancellation)
    {
        await Task.Run(() => Checkouts.Add(options.Repository, workspace.Checkout, _commit));
        phases.Next("host");
        await PrepareHostAsync(workspace.Checkout);
        phases.Next("toolchain");
        var toolchain = options.Toolchain is { } setUp
            ? await setUp.SetUpAsync(stage, workspace.Checkout, log, cancellation)
            : new Dictionary<string, string>();
        phases.Next("engine");
        var dockerHost =
            await (engine?.StartAsync(workspace, cancellation)
            ?? Task.FromResult($"unix://{Path.Combine(workspace.Scratch, "no-engine.sock")}"));
        phases.Next("download");
        var reason = await DownloadAsync(stage, workspace, log);
        var exitCode = -1;
        if (reason is null)
        {
            phases.Next("run");
            exitCode = await ExecuteAsync(stage, workspace, dockerHost, toolchain, log, cancellation);
            reason = cancellation.IsCancellationRequested ? "interrupted" : exitCode == 0 ? null
                : $"exit code {exitCode}";
        }

        phases.Next("upload");
        var uploadError = await UploadAsync(stage, workspace, exitCode == 0, log, uploaded);
        return reason ?? uploadError;
    }

    private async Task<TimeSpan> CleanupAsync(PrivateDockerEngine? engine, JobWorkspace workspace)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            if (engine is not null)
            {
                await engine.StopAsync(workspace);
            }

            if (!options.KeepCheckouts && Directory.Exists(workspace.Checkout))
            {
                Checkouts.Remove(options.Repository, workspace.Checkout);
            }
        }
        catch (Exception error) when (error is RehearsalException or IOException or InvalidOperationException)
        {
            options.Log($"{workspace.JobId}: clean-up incomplete: {error.Message}");
        }

        return watch.Elapsed;
    }

    /// <summary>
    /// Places each download where the job's download step puts it; no job uploaded it fails the job, as
    /// download-artifact does.
    /// </summary>
    private async Task<string?> DownloadAsync(Stage stage, JobWorkspace workspace, TextWriter log)
    {
        foreach (var artifact in stage.Downloads)
        {
            var stored = Path.Combine(ArtifactFolder, artifact.Name);
            if (!Directory.Exists(stored))
            {
                return Note(log, $"Unable to download artifact '{artifact.Name}': no job of this run uploaded it.");
            }

            await Processes.CopyAsync(stored, Path.Combine(workspace.Checkout, artifact.Path));
            Note(log, $"downloaded '{artifact.Name}' into {artifact.Path}");
        }

        return null;
    }

    /// <summary>
    /// Uploads each artifact from its declared path by the workflow's <c>if:</c> and <c>if-no-files-found</c> rules; a
    /// required artifact without files fails the job, as on GitHub.
    /// </summary>
    private async Task<string?> UploadAsync(Stage stage, JobWorkspace workspace, bool succeeded, TextWriter log,
        List<string> uploaded)
    {
        string? firstError = null;
        foreach (var artifact in stage.Uploads.Where(artifact => artifact.UploadsAfter(succeeded)))
        {
            var source = Path.Combine(workspace.Checkout, artifact.Path);
            var target = Path.Combine(ArtifactFolder, artifact.Name);
            if (Directory.Exists(source) && Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Any())
            {
                Processes.Delete(target);
                await Processes.CopyAsync(source, target);
                uploaded.Add(target);
                Note(log, $"uploaded '{artifact.Name}' from {artifact.Path} to {target}");
            }
            else if (artifact.RequiredWhenUploaded)
            {
                var error =
                    Note(log,
                    $"No files were found with the provided path: {artifact.Path}. No artifacts will be uploaded " +
                    $"(artifact '{artifact.Name}', if-no-files-found: error).");
                firstError ??= error;
            }
        }

        return firstError;
    }

    private async Task<int> ExecuteAsync(
        Stage stage, JobWorkspace workspace, string dockerHost, IReadOnlyDictionary<string, string> toolchain,
            TextWriter log, CancellationToken cancellation)
    {
        string[] arguments =
            [$"--target={stage.Name}", "--exclusive", .. stage.CiArguments,
            .. stage.Deploys ? [$"--kube-context={options.Cluster}"] : Array.Empty<string>()];
        var info =
            Processes.Info("bash", [Path.Combine(workspace.Checkout, BuildScript), .. arguments], workspace.Checkout);
        // The rehearsing shell's own CI variables (a rehearsal run inside a CI job) must not leak into the jobs.
        var inherited = info.Environment.Keys.Where(key => key.StartsWith("GITHUB_", StringComparison.Ordinal)
            || key.StartsWith("RUNNER_", StringComparison.Ordinal)
            || key.StartsWith("ACTIONS_", StringComparison.Ordinal)
            || key is "DOCKER_HOST" or "CONTAINER_ENGINE_DIR");
        foreach (var key in inherited.ToList())
        {
            info.Environment.Remove(key);
        }

        // The job's environment: the workflow's and the stage's env:, CI=true, the event's GITHUB_* variables, the
        // engine.
        var repository = Path.GetFileName(options.Repository.TrimEnd('/'));
        var github = options.Event.GitHubVariables(_commit, repository, stage.JobId, workspace.Checkout);
        var workflowEnv = WorkflowGenerator.Generate(options.Pipeline).Env;
        foreach (var (key, value) in workflowEnv.Concat(stage.Env).Concat(github).Concat(toolchain))
        {
            info.Environment[key] = value;
        }

        info.Environment["DOCKER_HOST"] = dockerHost;
        info.Environment["RUNNER_TEMP"] =
            Directory.CreateDirectory(Path.Combine(workspace.Scratch, "runner-temp")).FullName;
        Note(log, $"{BuildScript} {string.Join(' ', arguments)} in {workspace.Checkout}");
        // SIGINT first on an interruption, so the job's host tears its stack down; its whole process tree goes after
        // the grace time.
        return await Processes.ExitCodeAsync(info, log.WriteLine, log.WriteLine, options.InterruptGrace, cancellation);
    }

    private static string Note(TextWriter log, string line)
    {
        log.WriteLine($"rehearsal: {line}");
        return line;
    }

    /// <summary>The time of each phase of one job, in order, for its log and the run's summary.</summary>
    private sealed class JobPhases(string first)
    {
        private readonly List<(string Phase, TimeSpan Time)> _finished = [];
        private string _phase = first;
        private Stopwatch _watch = Stopwatch.StartNew();

        public IReadOnlyList<(string Phase, TimeSpan Time)> Finished => _finished;

        public void Next(string name)
        {
            End();
            (_phase, _watch) = (name, Stopwatch.StartNew());
        }

        public void End() => _finished.Add((_phase, _watch.Elapsed));
    }
}
