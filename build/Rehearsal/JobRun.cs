using System.Collections.Immutable;
using System.Diagnostics;
using Pipeline.Definition.Stages;

namespace Build.Rehearsal;

/// <summary>
/// One job the way a runner does it: a clean checkout, the restored host, its own engine, the downloads, the job's
/// command with the job's environment, the uploads; then the engine stopped and the checkout removed, also when the
/// job failed or the run was interrupted.
/// </summary>
internal sealed class JobRun(RehearsalOptions options, ArtifactStore artifacts, string commit, Stopwatch clock)
{
    private readonly List<(string, TimeSpan)> _phases = [];

    /// <summary>Runs the job; the returned clean-up task stops its engine and removes its checkout (awaited by the caller).</summary>
    public async Task<(JobResult Result, Task<TimeSpan> Cleanup)> RunAsync(Stage stage, JobWorkspace workspace, Func<string, Task>? prepareCheckout, CancellationToken cancellation)
    {
        Task<TimeSpan> cleanup;
        var start = clock.Elapsed;
        var engine = options.EngineFor(stage);
        var outcome = JobOutcome.Failed;
        string? reason = null;
        var uploaded = new List<string>();
        using var log = new StreamWriter(workspace.LogPath, append: false) { AutoFlush = true };
        try
        {
            await Phase("checkout", () => Task.FromResult(new Checkouts(options.Repository, Path.GetDirectoryName(workspace.Checkout)!).Add(workspace.JobId, commit)));
            if (prepareCheckout is not null)
            {
                await Phase("host", () => prepareCheckout(workspace.Checkout));
            }

            var engineEnvironment = await Phase("engine", () => engine.StartAsync(workspace, cancellation));
            reason = await Phase("download", () => Task.FromResult(Download(stage, workspace, log)));
            var exitCode = -1;
            if (reason is null)
            {
                exitCode = await Phase("run", () => Execute(stage, workspace, engineEnvironment, log, cancellation));
                reason = cancellation.IsCancellationRequested ? "interrupted" : exitCode == 0 ? null : $"exit code {exitCode}";
            }

            var uploadError = await Phase("upload", () => Task.FromResult(Upload(stage, workspace, exitCode == 0, log, uploaded)));
            reason ??= uploadError;
            outcome = reason is null ? JobOutcome.Passed : JobOutcome.Failed;
        }
        catch (Exception error) when (error is RehearsalException or OperationCanceledException or IOException)
        {
            reason = error is OperationCanceledException ? "interrupted" : error.Message;
            await log.WriteLineAsync($"rehearsal: {reason}");
        }
        finally
        {
            // Off the job's path, as a runner's teardown is: dependants start while the engine stops and the checkout goes.
            cleanup = Task.Run(() => Cleanup(engine, workspace));
        }

        await log.WriteLineAsync("rehearsal: time per phase: " + string.Join(", ", _phases.Select(p => $"{p.Item1} {p.Item2.TotalSeconds:0.0} s")));
        var result = new JobResult(stage, outcome, reason)
        {
            Start = start,
            End = clock.Elapsed,
            Phases = [.. _phases],
            LogPath = workspace.LogPath,
            Uploaded = [.. uploaded],
        };
        return (result, cleanup);
    }

    private async Task<TimeSpan> Cleanup(IJobEngine engine, JobWorkspace workspace)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await engine.StopAsync(workspace);
            if (!options.KeepCheckouts && Directory.Exists(workspace.Checkout))
            {
                new Checkouts(options.Repository, Path.GetDirectoryName(workspace.Checkout)!).Remove(workspace.Checkout);
            }
        }
        catch (Exception error) when (error is RehearsalException or IOException or InvalidOperationException)
        {
            options.Log($"{workspace.JobId}: clean-up incomplete: {error.Message}");
        }

        return watch.Elapsed;
    }

    private string? Download(Stage stage, JobWorkspace workspace, StreamWriter log)
    {
        foreach (var artifact in stage.Downloads)
        {
            if (artifacts.Download(artifact, workspace.Checkout) is { } error)
            {
                log.WriteLine($"rehearsal: {error}");
                return error;
            }

            log.WriteLine($"rehearsal: downloaded '{artifact.Name}' into {artifact.Path}");
        }

        return null;
    }

    private string? Upload(Stage stage, JobWorkspace workspace, bool succeeded, StreamWriter log, List<string> uploaded)
    {
        string? firstError = null;
        foreach (var artifact in stage.Uploads)
        {
            var result = artifacts.Upload(artifact, workspace.Checkout, succeeded);
            if (result.Uploaded)
            {
                uploaded.Add(artifacts.PathOf(artifact));
                log.WriteLine($"rehearsal: uploaded '{artifact.Name}' from {artifact.Path} to {artifacts.PathOf(artifact)}");
            }
            else if (result.Error is { } error)
            {
                log.WriteLine($"rehearsal: {error}");
                firstError ??= error;
            }
        }

        return firstError;
    }

    private async Task<int> Execute(Stage stage, JobWorkspace workspace, IReadOnlyDictionary<string, string> engineEnvironment, StreamWriter log, CancellationToken cancellation)
    {
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workspace.Checkout,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(workspace.Checkout, options.BuildScript));
        foreach (var argument in Arguments(stage))
        {
            info.ArgumentList.Add(argument);
        }

        var environment = JobEnvironment(stage, workspace, engineEnvironment);
        foreach (var key in info.Environment.Keys.Where(IsRunnerVariable).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        await log.WriteLineAsync($"rehearsal: {options.BuildScript} {string.Join(' ', Arguments(stage))} in {workspace.Checkout}");
        using var process = Process.Start(info) ?? throw new RehearsalException($"{options.BuildScript} could not be started for {stage.Name}.");
        var output = Pump(process.StandardOutput, log);
        var errors = Pump(process.StandardError, log);
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            await Stop(process);
        }

        await Task.WhenAll(output, errors);
        return process.ExitCode;
    }

    /// <summary>SIGINT first, so the job's host tears its stack down; its whole process tree goes after the grace time.</summary>
    private async Task Stop(Process process)
    {
        Signals.Send(process.Id, Signals.Interrupt);
        using var grace = new CancellationTokenSource(options.InterruptGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task Pump(StreamReader reader, StreamWriter log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private IEnumerable<string> Arguments(Stage stage) =>
        new[] { $"--target={stage.Name}", "--exclusive" }.Concat(stage.CiArguments).Concat(stage.Deploys ? options.ClusterArguments : []);

    /// <summary>The job's environment: the workflow's and the stage's <c>env:</c>, CI=true, the event's GITHUB_* variables, the engine.</summary>
    private Dictionary<string, string> JobEnvironment(Stage stage, JobWorkspace workspace, IReadOnlyDictionary<string, string> engineEnvironment)
    {
        var repository = Path.GetFileName(options.Repository.TrimEnd('/'));
        var variables = new Dictionary<string, string>(options.WorkflowEnv);
        foreach (var (key, value) in stage.Env)
        {
            variables[key] = value;
        }

        foreach (var (key, value) in options.Event.GitHubVariables(commit, options.Owner, repository, stage.JobId, workspace.Checkout))
        {
            variables[key] = value;
        }

        variables["RUNNER_TEMP"] = Path.Combine(workspace.Scratch, "runner-temp");
        Directory.CreateDirectory(variables["RUNNER_TEMP"]);
        foreach (var (key, value) in engineEnvironment)
        {
            variables[key] = value;
        }

        return variables;
    }

    // The rehearsing shell's own CI variables (a rehearsal run inside a CI job) must not leak into the jobs.
    private static bool IsRunnerVariable(string key) =>
        key.StartsWith("GITHUB_", StringComparison.Ordinal) || key.StartsWith("RUNNER_", StringComparison.Ordinal)
        || key.StartsWith("ACTIONS_", StringComparison.Ordinal) || key is "DOCKER_HOST" or "CONTAINER_ENGINE_DIR";

    private async Task<T> Phase<T>(string name, Func<Task<T>> action)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return await action();
        }
        finally
        {
            _phases.Add((name, watch.Elapsed));
        }
    }

    private async Task Phase(string name, Func<Task> action) => await Phase(name, async () =>
    {
        await action();
        return true;
    });
}
