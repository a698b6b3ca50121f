namespace Build.Tools.Npm;

/// <summary>An <c>npm audit --json</c> run: exit code, the JSON, the counts by severity, and what it means.</summary>
public sealed record NpmAuditResult(ToolResult Result, NpmAuditOutcome Outcome, IReadOnlyDictionary<string, int> Vulnerabilities, string? Message)
{
    public string Json => Result.Output;

    public bool Passed => Outcome == NpmAuditOutcome.Passed;
}
