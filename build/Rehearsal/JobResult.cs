using System.Collections.Immutable;
using Pipeline.Definition.Stages;

namespace Build.Rehearsal;

public enum JobOutcome
{
    Passed,
    Failed,
    Skipped,
    NotRehearsed,
}

/// <summary>
/// One job's result: outcome and why, when it started and ended (from the start of the run), the time of each
/// phase (checkout, host, engine, downloads, run, uploads, cleanup), its log and what it uploaded.
/// </summary>
public sealed record JobResult(Stage Stage, JobOutcome Outcome, string? Reason)
{
    public TimeSpan Start { get; init; }

    public TimeSpan End { get; init; }

    public TimeSpan Duration => End - Start;

    public ImmutableArray<(string Phase, TimeSpan Time)> Phases { get; init; } = [];

    public string? LogPath { get; init; }

    public ImmutableArray<string> Uploaded { get; init; } = [];

    public bool Ran => Outcome is JobOutcome.Passed or JobOutcome.Failed;
}
