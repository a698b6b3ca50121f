using System.Collections.Immutable;
using System.Text;

namespace Build.Rehearsal;

/// <summary>The jobs of one isolated rehearsal, with the critical path and the time the same jobs would take one after another.</summary>
public sealed record RehearsalResult(RehearsalEvent Event, string Commit, ImmutableArray<JobResult> Jobs, TimeSpan Wall, string ArtifactFolder, bool Interrupted)
{
    /// <summary>Engines stopped and checkouts removed, summed over the jobs; off the jobs' path, done while later jobs run.</summary>
    public TimeSpan Cleanup { get; init; }

    public bool Passed => !Interrupted && Jobs.All(job => job.Outcome is not JobOutcome.Failed)
        && !Jobs.Any(job => job.Outcome == JobOutcome.Skipped && job.Reason?.StartsWith("needs", StringComparison.Ordinal) == true);

    public JobResult? FirstFailure => Jobs.Where(job => job.Outcome == JobOutcome.Failed).OrderBy(job => job.End).FirstOrDefault();

    /// <summary>The jobs one after another: what the same work takes without parallel jobs.</summary>
    public TimeSpan Sequential => TimeSpan.FromTicks(Jobs.Where(job => job.Ran).Sum(job => job.Duration.Ticks));

    /// <summary>The chain of jobs that ended last, each waiting for the need that finished last.</summary>
    public ImmutableArray<JobResult> CriticalPath
    {
        get
        {
            var ran = Jobs.Where(job => job.Ran).ToDictionary(job => job.Stage);
            var path = new List<JobResult>();
            for (var job = ran.Values.MaxBy(j => j.End); job is not null;
                 job = job.Stage.Needs.Where(ran.ContainsKey).Select(need => ran[need]).MaxBy(j => j.End))
            {
                path.Insert(0, job);
            }

            return [.. path];
        }
    }

    /// <summary>Time summed over the jobs per phase (checkout, host, engine, download, run, upload, cleanup).</summary>
    public IEnumerable<(string Phase, TimeSpan Time)> PhaseTotals =>
        Jobs.SelectMany(job => job.Phases).GroupBy(p => p.Phase).Select(g => (g.Key, TimeSpan.FromTicks(g.Sum(p => p.Time.Ticks))));

    public string Report(int lastLines = 30)
    {
        var text = new StringBuilder();
        var width = Math.Max(3, Jobs.Max(job => job.Stage.Name.Length));
        text.AppendLine(CultureInfo.InvariantCulture, $"Isolated rehearsal of {Event.Name} at {Commit[..Math.Min(12, Commit.Length)]}:");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Job".PadRight(width)}  {"Result",-13}  {"Time",8}  Why / log");
        foreach (var job in Jobs)
        {
            var time = job.Ran ? Seconds(job.Duration) : "";
            var detail = job.Outcome switch
            {
                JobOutcome.Passed => job.LogPath,
                JobOutcome.Failed => $"{job.Reason}; log {job.LogPath}",
                _ => job.Reason,
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"{job.Stage.Name.PadRight(width)}  {Name(job.Outcome),-13}  {time,8}  {detail}");
        }

        var path = CriticalPath;
        // A job may start later than its needs ended when every slot is busy: the start time shows that wait.
        text.AppendLine(CultureInfo.InvariantCulture, $"Critical path: {string.Join(" -> ", path.Select(j => $"{j.Stage.Name} {Seconds(j.Duration)} (from {Seconds(j.Start)})"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Wall time {Seconds(Wall)}; the same jobs one after another {Seconds(Sequential)}");
        text.AppendLine("Where the time goes (summed over jobs): " + string.Join(", ", PhaseTotals.Select(p => $"{p.Phase} {Seconds(p.Time)}"))
            + $"; clean-up beside later jobs {Seconds(Cleanup)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Artifacts: {ArtifactFolder}");
        foreach (var upload in Jobs.SelectMany(job => job.Uploaded.Select(folder => (job.Stage.Name, folder))))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {upload.Name}: {upload.folder}");
        }

        if (FirstFailure is { LogPath: { } log } failure && File.Exists(log))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"First failing job: {failure.Stage.Name} ({failure.Reason}); last lines of {log}:");
            foreach (var line in File.ReadLines(log).TakeLast(lastLines))
            {
                text.AppendLine("  | " + line);
            }
        }

        return text.ToString().TrimEnd();
    }

    private static string Name(JobOutcome outcome) => outcome switch
    {
        JobOutcome.NotRehearsed => "not rehearsed",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");
}
