using Pipeline.Definition.Validation;

namespace Build;

/// <summary>
/// Builds the host's task graph from the pipeline definition, so a local run executes exactly the dependencies
/// that <c>needs:</c> expresses in ci-cd.yml, and refuses to start when the definition or the tasks are inconsistent.
/// </summary>
public sealed class PipelineGraph(PipelineDefinition pipeline) : ITaskGraphProvider
{
    public IReadOnlyList<string> DependenciesOf(string taskName) =>
        pipeline.FindTarget(taskName)?.Dependencies.Select(d => d.Name).ToList() ?? [];

    public string? DescriptionOf(string taskName) => pipeline.FindTarget(taskName)?.Description;

    public IReadOnlyList<string> Validate(IReadOnlyCollection<string> taskNames)
    {
        var errors = PipelineValidator.Validate(pipeline, taskNames);
        if (errors.Count == 0)
        {
            errors = WorkflowValidator.Validate(WorkflowGenerator.Generate(pipeline));
        }

        return errors.Count == 0 ? [] : ["The pipeline definition is invalid:", .. errors.Select(e => "  " + e)];
    }
}
