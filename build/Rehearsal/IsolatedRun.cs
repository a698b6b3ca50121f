namespace Build.Rehearsal;

/// <summary>
/// Everything one isolated rehearsal needs: the repository whose commit is rehearsed, the folder for logs and artifacts
/// (kept) and a short scratch folder for checkouts and engines (removed). The definition is given, not fixed, so the
/// job runner can rehearse another pipeline (the tests drive it with a small fixture repository).
/// </summary>
public sealed record RehearsalOptions(PipelineDefinition Pipeline, string Repository, RehearsalEvent Event,
    string RunFolder, string ScratchFolder)
{
    /// <summary>The stages to rehearse; null rehearses every job of the event.</summary>
    public IReadOnlySet<Stage>? Scope { get; init; }

    /// <summary>
    /// The kube context deploy jobs run against; null when none was given (deploys are then skipped).
    /// </summary>
    public string? Cluster { get; init; }

    public int Parallel { get; init; } = Environment.ProcessorCount;

    public bool KeepCheckouts { get; init; }

    public bool IncludeUncommitted { get; init; }

    /// <summary>
    /// The engine each job gets; null: none, so its docker calls fail instead of reaching the machine's engine and its
    /// images.
    /// </summary>
    public Func<Stage, PrivateDockerEngine?> EngineFor { get; init; } = _ => null;

    /// <summary>
    /// How long an interrupted job's host may clean up (compose down) before its process tree is killed.
    /// </summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(20);

    public Action<string> Log { get; init; } = _ => { };

    /// <summary>
    /// The local equivalent of each job's toolchain steps; null sets none up (a fixture pipeline's jobs need none).
    /// </summary>
    public JobToolchain? Toolchain { get; init; }
}

/// <summary>
/// Runs the jobs of one event as GitHub does: each in its own clean checkout with only its downloads, side by side up
/// to
/// <see cref="RehearsalOptions.Parallel"/>, a job starting when every job it needs passed and skipped when one failed.
/// </summary>
public sealed partial class IsolatedRun(RehearsalOptions options)
{
    // The job command in each checkout: ./build.sh --target=<Stage> --exclusive plus the stage's CI arguments.
    private const string BuildScript = "build.sh";
    // The built host inside a checkout, where CI's cache restores it; seeded from the same folder of the repository.
    private const string HostFolder = ".build/host";
    private readonly Dictionary<Stage, JobResult> _results = [];
    private readonly Dictionary<Task<JobResult>, Stage> _active = [];
    // Each job's engine stop and checkout removal, run beside later jobs and awaited at the end.
    private readonly List<Task<TimeSpan>> _cleanups = [];
    private readonly Stopwatch _clock = new();
    private readonly SemaphoreSlim _hostGate = new(1, 1);
    private string? _builtHost;
    private string _commit = "";
    private int _started;

    public async Task<RehearsalResult> RunAsync(CancellationToken cancellation)
    {
        var plan = JobPlan.For(options.Pipeline, options.Event.Trigger, options.Scope, options.Cluster is not null);
        var toRun = Prioritised([.. plan.Where(job => job.Runs).Select(job => job.Stage)]);
        if (toRun.Count == 0)
        {
            throw new RehearsalException(
                $"The event {options.Event.Name} runs no jobs of the definition: try one " +
                    $"of {string.Join(", ", RehearsalEvent.ValidFor(options.Pipeline).Select(e => e.Name))}.");
        }

        _commit = options.IncludeUncommitted
            ? Checkouts.Snapshot(options.Repository, options.ScratchFolder)
            : Checkouts.Head(options.Repository);
        Directory.CreateDirectory(Path.Combine(options.RunFolder, "logs"));
        _clock.Start();
        RecordNotRun(plan);

        try
        {
            while (StartReady(toRun, cancellation) > 0)
            {
                var done = await Task.WhenAny(_active.Keys);
                _active.Remove(done);
                var result = await done;
                _results[result.Stage] = result;
                var outcome = result.Outcome == JobOutcome.Passed ? "passed"
                    : $"{result.Outcome.ToString().ToLowerInvariant()}: {result.Reason}";
                options.Log($"{result.Stage.Name}: {outcome} ({result.Duration.TotalSeconds:0.0} s)");
            }
        }
        finally
        {
            // Only reached early by an exception of the scheduler itself: the jobs still clean up after themselves.
            await Task.WhenAll(_active.Keys);
            await Task.WhenAll(_cleanups);
            _hostGate.Dispose();
            if (!options.KeepCheckouts)
            {
                Processes.Delete(options.ScratchFolder);
            }
        }

        var cleanup = TimeSpan.FromTicks(_cleanups.Sum(c => c.Result.Ticks));
        ImmutableArray<JobResult> jobs = [.. options.Pipeline.Stages.Select(stage => _results[stage])];
        return new RehearsalResult(options.Event, _commit, jobs,
            _clock.Elapsed, ArtifactFolder, cancellation.IsCancellationRequested, cleanup);
    }

    private void RecordNotRun(IEnumerable<PlannedJob> plan)
    {
        foreach (var job in plan.Where(job => !job.Runs))
        {
            var outcome = job.SkipReason == JobPlan.OutOfScope ? JobOutcome.NotRehearsed : JobOutcome.Skipped;
            _results[job.Stage] = JobResult.NotRun(job.Stage, outcome, job.SkipReason);
        }
    }

    private string ArtifactFolder => Path.Combine(options.RunFolder, "artifacts");

    /// <summary>
    /// Starts every job whose needs passed while a slot is free, skips those whose needs did not; returns how many run.
    /// </summary>
    private int StartReady(List<Stage> toRun, CancellationToken cancellation)
    {
        foreach (var stage in toRun.Where(stage => !_results.ContainsKey(stage) && !_active.ContainsValue(stage)))
        {
            var needs = stage.Needs.Where(toRun.Contains).ToList();
            var failed = needs.FirstOrDefault(need =>
                _results.TryGetValue(need, out var r) && r.Outcome != JobOutcome.Passed);
            if (failed is not null)
            {
                var which = _results[failed].Outcome == JobOutcome.Failed ? "failed" : "was skipped";
                _results[stage] = JobResult.NotRun(stage, JobOutcome.Skipped, $"needs {failed.Name}, which {which}");
            }
            else if (cancellation.IsCancellationRequested)
            {
                _results[stage] =
                    JobResult.NotRun(stage, JobOutcome.Skipped, "not started: the rehearsal was interrupted");
            }
            else if (_active.Count < options.Parallel && needs.All(_results.ContainsKey))
            {
                var index = _started++;
                var workspace =
                    new JobWorkspace(stage.JobId, index, Path.Combine(options.ScratchFolder, "checkouts", stage.JobId),
                    Path.Combine(options.ScratchFolder, index.ToString(CultureInfo.InvariantCulture)),
                        Path.Combine(options.RunFolder, "logs", stage.JobId + ".log"));
                options.Log($"{stage.Name}: started");
                _active[Task.Run(() => RunJobAsync(stage, workspace, cancellation), CancellationToken.None)] = stage;
            }
        }

        return _active.Count;
    }

    /// <summary>
    /// With fewer slots than jobs, the job with the longest expected chain after it starts first (GitHub has a runner
    /// per job; here the critical path must not wait behind jobs nothing waits for). Equal chains keep the definition's
    /// order.
    /// </summary>
    private static List<Stage> Prioritised(List<Stage> stages)
    {
        var chain = new Dictionary<Stage, TimeSpan>();
        foreach (var stage in Enumerable.Reverse(stages))
        {
            chain[stage] = stage.Duration.Cold + stages.Where(other => other.Needs.Contains(stage))
                .Select(other => chain[other]).DefaultIfEmpty(TimeSpan.Zero).Max();
        }

        return [.. stages.OrderByDescending(stage => chain[stage])];
    }

    /// <summary>
    /// One build of the host for every checkout, as CI's host cache gives each job: the first checkout validates (or
    /// builds) it with its own build.sh, by content hash, and every later checkout gets a copy of the result.
    /// </summary>
    private async Task PrepareHostAsync(string checkout)
    {
        var target = Path.Combine(checkout, HostFolder);
        await _hostGate.WaitAsync();
        try
        {
            if (_builtHost is not null)
            {
                await Processes.CopyAsync(_builtHost, target);
                return;
            }

            // A host already built from the same inputs (the one running the rehearsal) is copied in before build.sh
            // validates it.
            if (Directory.Exists(Path.Combine(options.Repository, HostFolder)))
            {
                await Processes.CopyAsync(Path.Combine(options.Repository, HostFolder), target);
            }

            // build.sh compares the inputs' hash with the one the host was built from and rebuilds only on a
            // difference.
            await Processes.RunAsync(
                Processes.Info("bash", [Path.Combine(checkout, BuildScript), "--version"], checkout),
                $"{BuildScript} --version failed in {checkout}");
            _builtHost = Path.Combine(options.ScratchFolder, "host");
            await Processes.CopyAsync(target, _builtHost);
        }
        finally
        {
            _hostGate.Release();
        }
    }
}
