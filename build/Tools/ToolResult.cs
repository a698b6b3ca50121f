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
public sealed record ToolInvocation
{
    public static readonly ToolInvocation Default = new();

    public bool CaptureOutput { get; init; }

    public bool CaptureError { get; init; }

    /// <summary>Also write captured lines to the build log, so progress stays visible.</summary>
    public bool EchoCaptured { get; init; }

    /// <summary>Written to the process's standard input; never rendered or logged.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Overrides <see cref="PipelineToolSettings.ThrowOnNonZeroExit"/> (probes never throw).</summary>
    public bool? ThrowOnNonZeroExit { get; init; }

    /// <summary>Marks read-only probes (<c>docker compose version</c>, module checks); runners may skip logging them.</summary>
    public bool Silent { get; init; }
}
