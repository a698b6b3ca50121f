using System.Collections.Immutable;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Stages;

/// <summary>The whole pipeline: its stages (the CI jobs), the local targets, its triggers and settings.</summary>
public sealed record PipelineDefinition(string Name, Triggers Triggers, PipelineSettings Settings)
{
    public ImmutableArray<Stage> Stages { get; init; } = [];

    public ImmutableArray<LocalTarget> LocalTargets { get; init; } = [];

    public IEnumerable<PipelineTarget> Targets => Stages.Cast<PipelineTarget>().Concat(LocalTargets);

    public PipelineTarget? FindTarget(string name) =>
        Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Settings of the pipeline as a whole.</summary>
/// <param name="AppRoot">Where the app lives, relative to the repository root: <c>.</c> for an app repository.</param>
/// <param name="WorkflowFile">The generated workflow, relative to the repository root.</param>
/// <param name="DefinitionFile">The file this definition is written in, named in the generated header.</param>
/// <param name="Budget">The longest the critical path of the pipeline may take.</param>
public sealed record PipelineSettings(string AppRoot, string WorkflowFile, string DefinitionFile, TimeSpan Budget)
{
    public string DotnetVersionFile { get; init; } = "global.json";

    public Runner Runner { get; init; } = Runner.Ubuntu2404;
}
