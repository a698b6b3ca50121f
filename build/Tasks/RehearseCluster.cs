namespace Build.Tasks;

/// <summary>
/// The deploys against a real cluster: scripts/kind-rehearsal.sh with the images this run built. In CI (pull
/// requests) it creates a kind cluster when the pull request changes the chart or the deploy code and skips otherwise;
/// locally it uses the kind/k3d context in SOVD_REHEARSAL_CONTEXT and skips, saying why, when none answers.
/// </summary>
[TaskName(TargetNames.RehearseCluster)]
public sealed class RehearseCluster : FrostingTask<BuildContext>
{
    private const string Script = "scripts/kind-rehearsal.sh";

    public override bool ShouldRun(BuildContext context) =>
        CiTrigger.SkipReason(context, SovdPipeline.RehearseCluster) is not { } reason || context.Skip(reason);

    public override void Run(BuildContext context)
    {
        var images = ContainerSettings.From(context);
        LocalImages.EnsurePresent(context, images);
        var arguments =
            new ProcessArgumentBuilder().AppendPath(context.RepoRoot.CombineWithFilePath(Script), context.Environment);
        if (context.IsGitHubActions)
        {
            arguments.Append("--create").Append("--changed-only");
        }
        else if (context.Environment.GetEnvironmentVariable("SOVD_REHEARSAL_CONTEXT") is { Length: > 0 } name)
        {
            arguments.AppendValue($"--context={name}");
        }
        var exitCode = context.StartProcess(context.Tools.Resolve("bash") ?? new FilePath("bash"), new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = context.RepoRoot,
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["SOVD_REHEARSAL_SHA"] = images.Backend.Sha,
                ["SOVD_REHEARSAL_IMAGE_PREFIX"] = images.Backend.Repository[..^images.Backend.Name.Length],
            },
        });
        if (exitCode != 0)
        {
            throw new CakeException($"{Script} failed (exit code {exitCode}); its output above names the step.");
        }
    }
}
