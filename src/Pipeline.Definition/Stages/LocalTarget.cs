using System.Collections.Immutable;

namespace Pipeline.Definition.Stages;

/// <summary>
/// A target people run on their machines that is not a CI job of its own:
/// an aggregate such as <c>Lint</c>, or a tool such as <c>Generate-Workflow</c>.
/// </summary>
public sealed record LocalTarget(string Name, string Description) : PipelineTarget(Name, Description)
{
    public ImmutableArray<PipelineTarget> DependsOn { get; init; } = [];

    public override ImmutableArray<PipelineTarget> Dependencies => DependsOn;
}
