using System.Collections.Immutable;

namespace Pipeline.Definition.Stages;

/// <summary>A target of the build host: a <see cref="Stage"/> (one CI job) or a <see cref="LocalTarget"/>.</summary>
public abstract record PipelineTarget(string Name, string Description)
{
    /// <summary>The targets that run before this one.</summary>
    public abstract ImmutableArray<PipelineTarget> Dependencies { get; }
}
