namespace Build.Tests.Frosting.Scenarios;

public sealed class SleepSignal
{
    /// <summary>A duration no other process uses, so the test can look for a leftover child by its command line.</summary>
    public string Seconds { get; } = $"29.{Random.Shared.Next(100000, 999999)}";

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
