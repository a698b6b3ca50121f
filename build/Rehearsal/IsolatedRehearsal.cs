namespace Build.Rehearsal;

/// <summary>
/// <c>./build.sh --target=Rehearse --isolated</c>: the SOVD pipeline's jobs of one event, each in its own clean
/// checkout with its own engine, as GitHub runs them. Reads the arguments, prints the report, fails when a job failed.
/// </summary>
public static class IsolatedRehearsal
{
    /// <summary>
    /// The host's arguments: an isolated rehearsal runs the stages in checkouts of their own, so the Rehearse target's
    /// dependencies must not also run here in this tree (<c>--isolated</c> implies <c>--exclusive</c>).
    /// </summary>
    public static string[] HostArguments(string[] args) =>
        args.Any(a => a is "--isolated" or "--isolated=true") && !args.Any(a => a is "--exclusive" or "-e")
            ? [.. args, "--exclusive"] : args;

    public static void Run(BuildContext context)
    {
        var options = Options(context);
        var uncommitted = Checkouts.Uncommitted(options.Repository);
        if (uncommitted > 0)
        {
            context.Warning(options.IncludeUncommitted
                ? $"Rehearsing a snapshot of the working tree with {uncommitted} uncommitted change(s) " +
                    $"(--{ArgumentNames.IncludeUncommitted}): what a push of HEAD would run differs."
                : $"{uncommitted} uncommitted change(s) are NOT rehearsed: the jobs check out HEAD, as a push would. " +
                    $"--{ArgumentNames.IncludeUncommitted} rehearses a snapshot of the working tree.");
        }

        context.Information(
            $"Isolated rehearsal of {options.Event.Name}: {options.Parallel} job(s) side by side; logs and artifacts " +
            $"in {options.RunFolder}");
        if (context.DryRun)
        {
            var plan = JobPlan.For(options.Pipeline, options.Event.Trigger, options.Scope, options.Cluster is not null);
            foreach (var job in plan)
            {
                var step = job.SkipReason ?? $"./build.sh --target={job.Stage.Name} --exclusive in a clean checkout";
                context.Information($"[dry-run] {job.Stage.Name}: {step}");
            }

            return;
        }

        var result = new IsolatedRun(options).RunAsync(context.CancellationToken).GetAwaiter().GetResult();
        context.Information(result.Report());
        if (options.KeepCheckouts)
        {
            context.Information(
                $"Checkouts kept in {Path.Combine(options.ScratchFolder, "checkouts")}; delete the folder, then git " +
                $"worktree prune.");
        }

        if (!result.Passed)
        {
            var failed = result.Jobs.Where(job => job.Outcome == JobOutcome.Failed).Select(job => job.Stage.Name);
            throw new CakeException(result.Interrupted
                ? "The isolated rehearsal was interrupted; every job was stopped and its checkout and engine removed."
                : $"The isolated rehearsal of {options.Event.Name} failed: {string.Join(", ", failed)} (table and " +
                    $"last lines above).");
        }
    }

    private static RehearsalOptions Options(BuildContext context)
    {
        var pipeline = SovdPipeline.Definition;
        var repository = context.RepoRoot.FullPath;
        var rehearsalEvent = RehearsalEvent.Parse(context.Argument(ArgumentNames.Event, "push:develop"), pipeline);
        var parallel = context.Argument(ArgumentNames.Parallel, Environment.ProcessorCount);
        if (parallel < 1)
        {
            throw new RehearsalException(
                $"--{ArgumentNames.Parallel}={parallel}: give at least 1 (default: the machine's " +
                $"{Environment.ProcessorCount} cores).");
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var scratch = Path.Combine(Path.GetTempPath(), $"rehearsal-{stamp}-{Environment.ProcessId}");
        return new RehearsalOptions(pipeline, repository, rehearsalEvent,
            Path.Combine(repository, ".build", "rehearsal", stamp), scratch)
        {
            // What the plain Rehearse runs: the stages its target depends on, then the push (Push-Images' job) and the
            // deploys.
            Scope = context.Argument("all-jobs", false)
                ? null
                : new HashSet<Stage>(
                    [.. SovdPipeline.Rehearse.DependsOn.OfType<Stage>(), SovdPipeline.PushImages,
                    .. pipeline.Stages.Where(stage => stage.Deploys)]),
            Cluster = context.ArgumentOrNull("cluster"),
            Parallel = parallel,
            KeepCheckouts = context.Argument("keep-checkouts", false),
            IncludeUncommitted = context.Argument(ArgumentNames.IncludeUncommitted, false),
            EngineFor = EngineChoice(context, repository),
            Toolchain = Toolchain(context, repository),
            Log = line => context.Information(line),
        };
    }

    /// <summary>
    /// What the jobs' toolchain steps set up here: the Python this host picked at CI's versions (the toolchain image
    /// runs on this host's engine, which the jobs' own engines are not) and the clone's Node.
    /// </summary>
    private static JobToolchain Toolchain(BuildContext context, string repository)
    {
        var python = context.HostTools.Python.Found ? context.HostTools.PythonPath.FullPath : null;
        var engine = context.Variable("DOCKER_HOST") ?? "unix:///var/run/docker.sock";
        return new JobToolchain(repository, python, engine);
    }

    /// <summary>Jobs that make or take the images artifact get an engine of their own; the others get none.</summary>
    private static Func<Stage, PrivateDockerEngine?> EngineChoice(BuildContext context, string repository)
    {
        var cache = context.Variable(EnvVars.BaseImageCache) ?? Path.Combine(repository, ".build", "base-images");
        // Each job's engine loads the base image from this cache; without it every engine would bootstrap Debian
        // itself.
        if (!Directory.Exists(cache) || !Directory.EnumerateFiles(cache, "*.tar").Any())
        {
            throw new RehearsalException(
                $"No cached base image in {cache}: run scripts/container-engine.sh start once (it caches the " +
                    $"image there), " +
                $"set {EnvVars.BaseImageCache} to a folder that has it, or save the base image of the Dockerfiles " +
                    $"there with docker save.");
        }

        var engine = new PrivateDockerEngine(Path.Combine(repository, "scripts", "container-engine.sh"), cache);
        return stage => stage.Uploads.Contains(SovdPipeline.Images) || stage.Downloads.Contains(SovdPipeline.Images)
            ? engine : null;
    }
}
