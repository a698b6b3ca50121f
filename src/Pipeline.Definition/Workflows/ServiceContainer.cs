using System.Collections.Immutable;

namespace Pipeline.Definition.Workflows;

/// <summary>A service container of a job. <see cref="Image"/> must be pinned by digest or exact tag.</summary>
public sealed record ServiceContainer(string Name, string Image)
{
    public ImmutableArray<string> Ports { get; init; } = [];

    public ImmutableSortedDictionary<string, string> Env { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public string? Options { get; init; }
}
