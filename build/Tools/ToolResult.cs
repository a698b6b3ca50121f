namespace Build.Tools;

/// <summary>What a tool run produced: its exit code and whatever output the wrapper captured.</summary>
public sealed record ToolResult(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError)
{
    public bool Succeeded => ExitCode == 0;

    public string Output => string.Join('\n', StandardOutput);

    public string Error => string.Join('\n', StandardError);

    /// <summary>Non-blank captured output lines, trimmed (ids from <c>-q</c> listings).</summary>
    public IReadOnlyList<string> Lines =>
        StandardOutput.Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
}

/// <summary>How one call of a wrapper talks to its process.</summary>
/// <param name="EchoCaptured">Also write captured lines to the build log, so progress stays visible.</param>
/// <param name="StandardInput">Written to the process's standard input; never rendered or logged.</param>
/// <param name="ThrowOnNonZeroExit">Overrides <see cref="ToolRunnerSettings.ThrowOnNonZeroExit"/> (probes never
/// throw).</param>
/// <param name="Silent">Marks read-only probes (<c>docker compose version</c>, module checks); runners may skip logging
/// them.</param>
public sealed record ToolInvocation(
    bool CaptureOutput = false, bool CaptureError = false, bool EchoCaptured = false, string? StandardInput = null,
        bool? ThrowOnNonZeroExit = null, bool Silent = false)
{
    public static readonly ToolInvocation Default = new();
}
