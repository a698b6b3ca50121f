namespace Build.Tasks;

[TaskName(TargetNames.GenerateWorkflow)]
public sealed class GenerateWorkflow : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        foreach (var file in GeneratedFiles.Render(context))
        {
            var path = context.GeneratedRoot.CombineWithFilePath(file.Path);
            context.Information($"{file.Path}: {ReportFolder.Write(context, path, file.Content)}");
        }
    }
}
