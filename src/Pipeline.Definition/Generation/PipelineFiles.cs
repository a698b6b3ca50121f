using Pipeline.Definition.Stages;
using Pipeline.Definition.Yaml;

namespace Pipeline.Definition.Generation;

/// <summary>Every file generated from a pipeline definition; Generate-Workflow writes them, Check-Workflow compares them.</summary>
public static class PipelineFiles
{
    public static IReadOnlyList<GeneratedFile> Render(PipelineDefinition pipeline)
    {
        var workflow = WorkflowGenerator.Generate(pipeline);
        return
        [
            new(pipeline.Settings.WorkflowFile,
                WorkflowToYaml.Render(workflow, pipeline.Settings.DefinitionFile, WorkflowGenerator.RegenerateCommand)),
            new(MermaidDiagram.File, MermaidDiagram.Render(pipeline)),
        ];
    }
}
