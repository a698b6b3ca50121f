namespace Build.Rehearsal;

public enum JobOutcome
{
    Passed,
    Failed,
    Skipped,
    NotRehearsed,
}

/// <summary>
/// One job's result: outcome and why, when it started and ended (from the start of the run), the time of each
/// phase (checkout, host, engine, download, run, upload), its log and what it uploaded.
/// </summary>
public sealed record JobResult(Stage Stage, JobOutcome Outcome, string? Reason, TimeSpan Start, TimeSpan End,
    IReadOnlyList<(string Phase, TimeSpan Time)> Phases, string? LogPath, IReadOnlyList<string> Uploaded)
{
    public TimeSpan Duration => End - Start;

    public static JobResult NotRun(Stage stage, JobOutcome outcome, string? reason) =>
        new(stage, outcome, reason, default, default, [], null, []);

    public bool Ran => Outcome is JobOutcome.Passed or JobOutcome.Failed;
}

/// <summary>
/// The jobs of one isolated rehearsal, with the critical path and the time the same jobs would take one after another.
/// <paramref name="Cleanup"/>: engines stopped and checkouts removed, summed over the jobs, done while later jobs run.
/// </summary>
public sealed record RehearsalResult(RehearsalEvent Event, string Commit, ImmutableArray<JobResult> Jobs,
    TimeSpan Wall, string ArtifactFolder, bool Interrupted, TimeSpan Cleanup)
{
    public bool Passed => !Interrupted && Jobs.All(job => job.Outcome is not JobOutcome.Failed)
        && !Jobs.Any(
            job => job.Outcome == JobOutcome.Skipped
            && job.Reason?.StartsWith("needs", StringComparison.Ordinal) == true);

    public JobResult? FirstFailure =>
        Jobs.Where(job => job.Outcome == JobOutcome.Failed).OrderBy(job => job.End).FirstOrDefault();

    public string Report()
    {
        var text = new StringBuilder();
        var width = Math.Max(3, Jobs.Max(job => job.Stage.Name.Length));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Isolated rehearsal of {Event.Name} at {Commit[..Math.Min(12, Commit.Length)]}:");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{"Job".PadRight(width)}  {"Result",-13}  {"Time",8}  Why / log");
        foreach (var job in Jobs)
        {
            text.AppendLine(Row(job, width));
        }

        // A job may start later than its needs ended when every slot is busy: the start time shows that wait.
        var critical = CriticalPath().Select(j => $"{j.Stage.Name} {Seconds(j.Duration)} (from {Seconds(j.Start)})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Critical path: {string.Join(" -> ", critical)}");
        var sequential = TimeSpan.FromTicks(Jobs.Where(job => job.Ran).Sum(job => job.Duration.Ticks));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Wall time {Seconds(Wall)}; the same jobs one after another {Seconds(sequential)}");
        var phases = Jobs.SelectMany(job => job.Phases).GroupBy(p => p.Phase)
            .Select(g => $"{g.Key} {Seconds(TimeSpan.FromTicks(g.Sum(p => p.Time.Ticks)))}");
        text.AppendLine(
            $"Where the time goes (summed over jobs): {string.Join(", ", phases)}; clean-up beside later jobs " +
            $"{Seconds(Cleanup)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Artifacts: {ArtifactFolder}");
        foreach (var upload in Jobs.SelectMany(job => job.Uploaded.Select(folder => (job.Stage.Name, folder))))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {upload.Name}: {upload.folder}");
        }

        if (FirstFailure is { LogPath: { } log } failure && File.Exists(log))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"First failing job: {failure.Stage.Name} ({failure.Reason}); last lines of {log}:");
            foreach (var line in File.ReadLines(log).TakeLast(30))
            {
                text.AppendLine("  | " + line);
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string Row(JobResult job, int width)
    {
        var detail = job.Outcome switch
        {
            JobOutcome.Passed => job.LogPath,
            JobOutcome.Failed => $"{job.Reason}; log {job.LogPath}",
            _ => job.Reason,
        };
        var outcome = job.Outcome == JobOutcome.NotRehearsed
            ? "not rehearsed"
            : job.Outcome.ToString().ToLowerInvariant();
        var time = job.Ran ? Seconds(job.Duration) : "";
        return string.Create(
            CultureInfo.InvariantCulture, $"{job.Stage.Name.PadRight(width)}  {outcome,-13}  {time,8}  {detail}");
    }

    /// <summary>The chain of jobs that ended last, each waiting for the need that finished last.</summary>
    private List<JobResult> CriticalPath()
    {
        var ran = Jobs.Where(job => job.Ran).ToDictionary(job => job.Stage);
        var path = new List<JobResult>();
        for (var job = ran.Values.MaxBy(j => j.End); job is not null; job = job.Stage.Needs.Where(
            ran.ContainsKey).Select(need => ran[need]).MaxBy(j => j.End))
        {
            path.Insert(0, job);
        }

        return path;
    }

    private static string Seconds(TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");
}
