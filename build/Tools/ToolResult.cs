namespace Build.Tools;

/// <summary>What a tool run produced: its exit code and whatever output the wrapper captured.</summary>
public sealed record ToolResult(int ExitCode, IReadOnlyList<string> StandardOutput, IReadOnlyList<string> StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Captured standard output joined with newlines.</summary>
    public string Output => string.Join('\n', StandardOutput);

    /// <summary>Captured standard error joined with newlines.</summary>
    public string Error => string.Join('\n', StandardError);

    /// <summary>Non-blank captured output lines, trimmed (ids from <c>-q</c> listings).</summary>
    public IReadOnlyList<string> Lines =>
        StandardOutput.Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
}
