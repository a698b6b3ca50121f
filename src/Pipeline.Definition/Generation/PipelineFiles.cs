using Pipeline.Definition.Stages;
using Pipeline.Definition.Yaml;

namespace Pipeline.Definition.Generation;

/// <summary>Every file generated from a pipeline definition; Generate-Workflow writes them, Check-Workflow compares them.</summary>
public static class PipelineFiles
{
    public static IReadOnlyList<GeneratedFile> Render(PipelineDefinition pipeline)
    {
        var workflow = WorkflowGenerator.Generate(pipeline);
        List<GeneratedFile> files =
        [
            new(pipeline.Settings.WorkflowFile,
                WorkflowToYaml.Render(workflow, pipeline.Settings.DefinitionFile, WorkflowGenerator.RegenerateCommand)),
            new(MermaidDiagram.File, MermaidDiagram.Render(pipeline)),
        ];
        // The deploy tools' pins, for the install script that CI jobs and developers' machines run alike.
        if (DeployToolsOf(pipeline) is { } tools)
        {
            files.Add(new(DeployTools.File, tools.Render(pipeline.Settings.DefinitionFile)));
        }
        return files;
    }

    /// <summary>The pinned helm and kubectl of the pipeline's deploy stages (one pin for all of them), or null.</summary>
    public static DeployTools? DeployToolsOf(PipelineDefinition pipeline) =>
        pipeline.Stages.SelectMany(s => s.Toolchains).OfType<KubernetesToolchain>().Select(t => t.Tools).Distinct().SingleOrDefault();
}
