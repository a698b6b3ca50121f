using System.Diagnostics;
using Pipeline.Definition.Stages;

namespace Build.Rehearsal;

/// <summary>
/// Runs the jobs of one event as GitHub does: each in its own clean checkout with only its downloads, side by side up to
/// <see cref="RehearsalOptions.Parallel"/>, a job starting when every job it needs passed and skipped when one failed.
/// </summary>
public sealed class IsolatedRun(RehearsalOptions options)
{
    private int _started;

    public async Task<RehearsalResult> RunAsync(CancellationToken cancellation)
    {
        var plan = JobPlan.For(options.Pipeline, options.Event.Trigger, options.Scope, options.ClusterArguments.Count > 0);
        var toRun = Prioritised(plan.Where(job => job.Runs).Select(job => job.Stage).ToList());
        if (toRun.Count == 0)
        {
            throw new RehearsalException(
                $"The event {options.Event.Name} runs no jobs of the definition: try one of {string.Join(", ", RehearsalEvent.ValidFor(options.Pipeline).Select(e => e.Name))}.");
        }

        var commit = options.IncludeUncommitted
            ? Checkouts.Snapshot(options.Repository, options.ScratchFolder)
            : Checkouts.Head(options.Repository);
        Directory.CreateDirectory(Path.Combine(options.RunFolder, "logs"));
        Directory.CreateDirectory(Path.Combine(options.ScratchFolder, "checkouts"));
        var artifacts = new ArtifactStore(Path.Combine(options.RunFolder, "artifacts"));
        var clock = Stopwatch.StartNew();
        var host = new SharedHost(options);
        var results = new Dictionary<Stage, JobResult>();
        foreach (var job in plan.Where(job => !job.Runs))
        {
            results[job.Stage] = new JobResult(job.Stage, JobPlan.IsOutOfScope(job.SkipReason) ? JobOutcome.NotRehearsed : JobOutcome.Skipped, job.SkipReason);
        }

        var active = new Dictionary<Task<(JobResult Result, Task<TimeSpan> Cleanup)>, Stage>();
        var cleanups = new List<Task<TimeSpan>>();
        try
        {
            while (true)
            {
                StartReady(toRun, results, active, artifacts, commit, host, clock, cancellation);
                if (active.Count == 0)
                {
                    break;
                }

                var done = await Task.WhenAny(active.Keys);
                var (result, cleanup) = await done;
                cleanups.Add(cleanup);
                active.Remove(done);
                results[result.Stage] = result;
                options.Log($"{result.Stage.Name}: {Describe(result)} ({result.Duration.TotalSeconds:0.0} s)");
            }
        }
        finally
        {
            // Only reached early by an exception of the scheduler itself: the jobs still clean up after themselves.
            foreach (var (_, cleanup) in await Task.WhenAll(active.Keys))
            {
                cleanups.Add(cleanup);
            }

            await Task.WhenAll(cleanups);
            host.Dispose();
            if (!options.KeepCheckouts)
            {
                Checkouts.DeleteFolder(options.ScratchFolder);
            }
        }

        var cleanupTime = TimeSpan.FromTicks(cleanups.Sum(c => c.Result.Ticks));
        return new RehearsalResult(options.Event, commit, [.. options.Pipeline.Stages.Select(stage => results[stage])], clock.Elapsed, artifacts.Root, cancellation.IsCancellationRequested)
        {
            Cleanup = cleanupTime,
        };
    }

    private void StartReady(List<Stage> toRun, Dictionary<Stage, JobResult> results, Dictionary<Task<(JobResult Result, Task<TimeSpan> Cleanup)>, Stage> active,
        ArtifactStore artifacts, string commit, SharedHost host, Stopwatch clock, CancellationToken cancellation)
    {
        foreach (var stage in toRun.Where(stage => !results.ContainsKey(stage) && !active.ContainsValue(stage)))
        {
            var needs = stage.Needs.Where(toRun.Contains).ToList();
            if (needs.FirstOrDefault(need => results.TryGetValue(need, out var r) && r.Outcome != JobOutcome.Passed) is { } failed)
            {
                results[stage] = new JobResult(stage, JobOutcome.Skipped, $"needs {failed.Name}, which {(results[failed].Outcome == JobOutcome.Failed ? "failed" : "was skipped")}");
                continue;
            }

            if (cancellation.IsCancellationRequested)
            {
                results[stage] = new JobResult(stage, JobOutcome.Skipped, "not started: the rehearsal was interrupted");
                continue;
            }

            if (active.Count >= Math.Max(1, options.Parallel) || !needs.All(results.ContainsKey))
            {
                continue;
            }

            var index = _started++;
            var workspace = new JobWorkspace(
                stage.JobId,
                index,
                Path.Combine(options.ScratchFolder, "checkouts", stage.JobId),
                Path.Combine(options.ScratchFolder, index.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Path.Combine(options.RunFolder, "logs", stage.JobId + ".log"));
            Directory.CreateDirectory(workspace.Scratch);
            options.Log($"{stage.Name}: started");
            var run = new JobRun(options, artifacts, commit, clock);
            active[Task.Run(() => run.RunAsync(stage, workspace, host.PrepareAsync, cancellation), CancellationToken.None)] = stage;
        }
    }

    /// <summary>
    /// With fewer slots than jobs, the job with the longest expected chain after it starts first (GitHub has a runner per
    /// job; here the critical path must not wait behind jobs nothing waits for). Equal chains keep the definition's order.
    /// </summary>
    private static List<Stage> Prioritised(List<Stage> stages)
    {
        var chain = new Dictionary<Stage, TimeSpan>();
        foreach (var stage in Enumerable.Reverse(stages))
        {
            var after = stages.Where(other => other.Needs.Contains(stage)).Select(other => chain[other]).DefaultIfEmpty(TimeSpan.Zero).Max();
            chain[stage] = stage.Duration.Cold + after;
        }

        return [.. stages.OrderByDescending(stage => chain[stage])];
    }

    private static string Describe(JobResult result) => result.Outcome switch
    {
        JobOutcome.Passed => "passed",
        _ => $"{result.Outcome.ToString().ToLowerInvariant()}: {result.Reason}",
    };
}
