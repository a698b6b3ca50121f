namespace Build.Frosting;

/// <summary>
/// The answer of <c>ShouldRun</c>: run the task, or skip it with a reason that is printed and shown in the summary.
/// </summary>
public sealed class RunDecision
{
    private RunDecision(bool shouldRun, string? reason)
    {
        ShouldRun = shouldRun;
        Reason = reason;
    }

    /// <summary>Run the task.</summary>
    public static RunDecision Run { get; } = new(true, null);

    /// <summary>True when the task runs.</summary>
    public bool ShouldRun { get; }

    /// <summary>Why the task is skipped; null when it runs or when ShouldRun returned a bare <c>false</c>.</summary>
    public string? Reason { get; }

    /// <summary>Skip the task; <paramref name="reason"/> says why (e.g. "Deploy-Production runs only on main").</summary>
    public static RunDecision Skip(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A skipped task needs a reason: say why it does not run.", nameof(reason));
        }

        return new RunDecision(false, reason);
    }

    /// <summary>Keeps Cake.Frosting's <c>bool ShouldRun</c> style working: <c>false</c> skips without a reason.</summary>
    public static implicit operator RunDecision(bool shouldRun) => shouldRun ? Run : new RunDecision(false, null);
}
