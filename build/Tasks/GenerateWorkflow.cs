namespace Build.Tasks;

[TaskName(TargetNames.GenerateWorkflow)]
public sealed class GenerateWorkflow : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        foreach (var file in PipelineFiles.Render(SovdPipeline.Definition))
        {
            var path = context.GeneratedRoot.CombineWithFilePath(file.Path);
            context.Information($"{file.Path}: {ReportFolder.Write(context, path, file.Content)}");
        }
    }
}
