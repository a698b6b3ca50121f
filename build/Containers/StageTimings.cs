namespace Build.Containers;

/// <summary>
/// Records how long each task of the run took, for Rehearse's closing table. Register it with
/// <c>new CakeHost().UseTaskLifetime&lt;StageTimings&gt;()</c>; it only measures, it never changes a result.
/// </summary>
public sealed class StageTimings : FrostingTaskLifetime<BuildContext>
{
    private static readonly ConcurrentQueue<StageTime> Recorded = new();

    public static IReadOnlyList<StageTime> Finished => [.. Recorded];

    /// <summary>
    /// Whether the host runs this lifetime at all (it sees the setup of every task, the caller's own included).
    /// </summary>
    public static bool IsActive { get; private set; }

    // The host takes one task lifetime: the versions each stage runs (issue #23) are printed from here as well.
    public override void Setup(BuildContext context, ITaskSetupContext info)
    {
        IsActive = true;
        StageToolchain.Report(context, info.Task.Name);
    }

    public override void Teardown(BuildContext context, ITaskTeardownContext info) =>
        Recorded.Enqueue(new StageTime(info.Task.Name, info.Duration,
            info.Skipped ? "skipped" : info.Successful ? "ok" : "failed"));

    /// <summary>A plain-text table: stage, result, measured time, and the definition's warm–cold estimate.</summary>
    public static string Table(IEnumerable<StageTime> stages)
    {
        var rows = stages
            .Select(stage => (stage.Name, stage.Result, Time: Seconds(stage.Duration), Expected: Expected(stage.Name)))
            .ToList();
        var width = Math.Max(5, rows.Count == 0 ? 0 : rows.Max(row => row.Name.Length));
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"{"Stage".PadRight(width)}  {"Result",-7}  {"Time",8}  Expected (warm-cold)");
        foreach (var row in rows)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"{row.Name.PadRight(width)}  {row.Result,-7}  {row.Time,8}  {row.Expected}");
        }
        var total = TimeSpan.FromTicks(stages.Sum(stage => stage.Duration.Ticks));
        table.Append(CultureInfo.InvariantCulture, $"{"Total".PadRight(width)}  {"",-7}  {Seconds(total),8}");
        return table.ToString();
    }

    private static string Expected(string name) =>
        SovdPipeline.Definition.Stages.FirstOrDefault(stage => stage.Name == name)?.Duration
            is { Cold: var cold, Warm: var warm } && cold > TimeSpan.Zero
            ? $"{warm.TotalMinutes:0.#}-{cold.TotalMinutes:0.#} min"
            : "";

    private static string Seconds(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0} s");
}

public sealed record StageTime(string Name, TimeSpan Duration, string Result);
