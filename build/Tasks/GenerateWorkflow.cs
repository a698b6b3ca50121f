using Pipeline.Definition.Generation;

namespace Build.Tasks;

[TaskName("Generate-Workflow")]
public sealed class GenerateWorkflow : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        foreach (var file in PipelineFiles.Render(context.Pipeline))
        {
            var path = context.GeneratedRoot.CombineWithFilePath(file.Path).FullPath;
            if (context.DryRun)
            {
                context.Information($"[dry-run] would write {file.Path}");
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var unchanged = File.Exists(path) && File.ReadAllText(path) == file.Content;
            if (!unchanged)
            {
                File.WriteAllText(path, file.Content);
            }

            context.Information($"{file.Path}: {(unchanged ? "unchanged" : "written")}");
        }
    }
}
