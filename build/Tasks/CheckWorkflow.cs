namespace Build.Tasks;

[TaskName(TargetNames.CheckWorkflow)]
public sealed class CheckWorkflow : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var stale = new List<string>();
        foreach (var file in GeneratedFiles.Render(context))
        {
            var path = context.GeneratedRoot.CombineWithFilePath(file.Path);
            var exists = context.FileSystem.Exist(path);
            var committed = exists ? context.FileSystem.ReadAllText(path) : string.Empty;
            var diff =
                UnifiedDiff.Create(file.Content, committed, $"{file.Path} (generated)",
                $"{file.Path} (in the repository)");
            if (diff.Length == 0)
            {
                context.Information($"{file.Path}: matches the definition");
                continue;
            }

            stale.Add(file.Path);
            context.Error(exists ? diff : $"{file.Path} does not exist.");
        }

        if (stale.Count > 0)
        {
            throw new CakeException(
                $"{string.Join(", ", stale)} differ(s) from the pipeline definition. " +
                $"Run {WorkflowGenerator.RegenerateCommand} and commit the result; do not edit generated " +
                    $"files by hand.");
        }
    }
}
