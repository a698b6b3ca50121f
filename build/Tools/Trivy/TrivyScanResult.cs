namespace Build.Tools.Trivy;

/// <summary>A trivy run: the raw process result and what it means.</summary>
public sealed record TrivyScanResult(ToolResult Result, TrivyOutcome Outcome, string? Message)
{
    public bool Passed => Outcome == TrivyOutcome.Passed;
}
