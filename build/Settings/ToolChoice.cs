namespace Build.Settings;

/// <summary>
/// A tool the host picked for this run (<see cref="Picked"/>: a path or a description such as "Playwright's own", null
/// when nothing fits) and why: the setting that named it, or the first candidate that had what the stages need.
/// <see cref="Tried"/> lists every candidate passed over, so a missing tool's error says what was looked at.
/// </summary>
public sealed record ToolChoice(string Tool, string? Picked, string Reason, IReadOnlyList<string> Tried)
{
    public bool Found => Picked is not null;

    /// <summary>The line the host prints at the start of a run.</summary>
    public string Line => Picked is { } picked
        ? $"{Tool}: {picked} " +
            $"({Reason}{(Tried.Count > 0 ? "; passed over: " + string.Join("; ", Tried) : string.Empty)})"
        : $"{Tool}: none found ({TriedText})";

    /// <summary>"tried: a (why); b (why)", for error messages.</summary>
    public string TriedText => Tried.Count > 0 ? "tried: " + string.Join("; ", Tried) : "nothing to try";

    public static ToolChoice None(string tool, List<string> tried) => new(tool, null, string.Empty, tried);
}
