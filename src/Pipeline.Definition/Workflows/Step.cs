using System.Collections.Immutable;

namespace Pipeline.Definition.Workflows;

/// <summary>One step of a job: either a shell script (<see cref="RunStep"/>) or an action (<see cref="ActionStep"/>).</summary>
public abstract record Step(string Name)
{
    public string? Id { get; init; }

    public string? If { get; init; }

    /// <summary>A failed step marks itself failed but not its job: for uploads of reports that must never block a release.</summary>
    public bool ContinueOnError { get; init; }

    public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}

/// <summary>A step that runs a shell script.</summary>
public sealed record RunStep(string Name, string Run) : Step(Name)
{
    public string? Shell { get; init; }

    public string? WorkingDirectory { get; init; }
}

/// <summary>A step that uses a pinned action.</summary>
public sealed record ActionStep(string Name, ActionRef Uses) : Step(Name)
{
    public ImmutableSortedDictionary<string, string> With { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
