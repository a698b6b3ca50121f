using System.Collections.Immutable;

namespace Pipeline.Definition.Workflows;

/// <summary>A GitHub Actions workflow: what one <c>.github/workflows/*.yml</c> file holds.</summary>
public sealed record Workflow(string Name, Triggers On)
{
    public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public Permissions Permissions { get; init; } = Permissions.None;

    public Concurrency? Concurrency { get; init; }

    public ImmutableArray<Job> Jobs { get; init; } = [];
}
