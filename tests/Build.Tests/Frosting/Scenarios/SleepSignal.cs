namespace Build.Tests.Frosting.Scenarios;

public sealed class SleepSignal
{
    /// <summary>A duration no other process uses, so the test can look for a leftover child by its command line.</summary>
    public string Seconds { get; } = $"29.{Random.Shared.Next(100000, 999999)}";

    /// <summary>Completed once the child runs, with what SIGINT/SIGTERM do to this run (true when it was the first signal).</summary>
    public TaskCompletionSource<Func<bool>> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
