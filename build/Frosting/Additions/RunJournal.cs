namespace Build.Frosting.Additions;

/// <summary>The skip reasons of one run, which Cake's report does not know.</summary>
internal sealed class RunJournal
{
    private readonly ConcurrentDictionary<string, string> _skipReasons = new(StringComparer.OrdinalIgnoreCase);

    private string? _pending;

    /// <summary>
    /// The reason <c>context.Skip(reason)</c> gave while the task's <c>ShouldRun</c> was being asked.
    /// </summary>
    public void SkipPending(string reason) => _pending = reason;

    /// <summary>
    /// Asks <paramref name="shouldRun"/> and records a skip so the summary, the log and GitHub can say why.
    /// </summary>
    public bool Decide(string task, Func<bool> shouldRun, string fallbackReason)
    {
        _pending = null;
        if (shouldRun())
        {
            return true;
        }

        _skipReasons[task] = _pending ?? fallbackReason;
        return false;
    }

    public string? SkipReason(string task) =>
        _skipReasons.TryGetValue(task, out var reason) && reason.Length > 0 ? reason : null;

    /// <summary>
    /// Cake's criteria messages are fixed when registered; ours are decided at run time, so fill them in.
    /// </summary>
    public CakeReport WithSkipReasons(CakeReport report)
    {
        var copy = new CakeReport();
        foreach (var entry in report)
        {
            var message = entry.ExecutionStatus == CakeTaskExecutionStatus.Skipped
                ? SkipReason(entry.TaskName) ?? entry.SkippedMessage
                : entry.SkippedMessage;
            copy.Add(entry.TaskName, message, entry.Category, entry.Duration, entry.ExecutionStatus);
        }

        return copy;
    }
}
