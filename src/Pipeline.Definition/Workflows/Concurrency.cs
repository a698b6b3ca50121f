namespace Pipeline.Definition.Workflows;

/// <summary>
/// A concurrency group. <paramref name="CancelInProgress"/> is <c>false</c>, <c>true</c> or an expression;
/// <c>false</c> queues a new run behind the running one instead of cancelling it.
/// </summary>
public sealed record Concurrency(string Group, string CancelInProgress)
{
    /// <summary>A group whose running member is never cancelled: what a deploy needs.</summary>
    public static Concurrency Queue(string group) => new(group, "false");
}
