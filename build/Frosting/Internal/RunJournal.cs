using System.Collections.Concurrent;

namespace Build.Frosting.Internal;

/// <summary>What happened in one run beyond Cake's report: skip reasons, continued failures, a failed teardown.</summary>
internal sealed class RunJournal
{
    private readonly ConcurrentDictionary<string, string> _skipReasons = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _continued = new(StringComparer.OrdinalIgnoreCase);

    public Exception? TeardownFailure { get; set; }

    public bool FailureAnnotated { get; set; }

    /// <summary>Records a skip so the summary, the log and GitHub can say why.</summary>
    public bool Record(string task, RunDecision decision)
    {
        if (!decision.ShouldRun)
        {
            _skipReasons[task] = decision.Reason ?? string.Empty;
        }

        return decision.ShouldRun;
    }

    public string? SkipReason(string task) =>
        _skipReasons.TryGetValue(task, out var reason) && reason.Length > 0 ? reason : null;

    public void MarkContinued(string task) => _continued[task] = true;

    public bool Continued(string task) => _continued.ContainsKey(task);

    /// <summary>Cake's criteria messages are fixed when registered; ours are decided at run time, so fill them in.</summary>
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
