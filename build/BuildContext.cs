namespace Build;

/// <summary>
/// What every stage task needs, read once from arguments, environment and the pipeline definition.
/// Tasks hold no literals of their own: paths come from here and from the definition's artifacts.
/// </summary>
public sealed class BuildContext : HostContext
{
    public BuildContext(ICakeContext context)
        : base(context)
    {
        RepoRoot = new DirectoryPath(Repository.Root);
        AppRoot = new DirectoryPath(Path.GetFullPath(Argument(ArgumentNames.AppRoot, SovdPipeline.Settings.AppRoot), RepoRoot.FullPath));
        HostTools = new HostTools(this);
        IsGitHubActions = context.Environment.GetEnvironmentVariable(EnvVars.GitHubActions) == "true";
        // The frontend stages run on the definition's Node LTS that scripts/setup-machine.sh put into .tools/node.
        NodeRuntime.UseRepositoryNode(RepoRoot.FullPath);
        // Compose v2 and buildx, as on GitHub's runner, from .tools/docker (scripts/install-docker-plugins.sh).
        DockerPlugins.UseRepositoryPlugins(RepoRoot.FullPath);
        GeneratedRoot = new DirectoryPath(Path.GetFullPath(Argument(ArgumentNames.OutputRoot, "."), RepoRoot.FullPath));
    }

    public DirectoryPath RepoRoot { get; }

    /// <summary>Where the app lives (backend/, frontend/, e2e/, docker-compose.yml, infrastructure/).</summary>
    public DirectoryPath AppRoot { get; }

    public HostTools HostTools { get; }

    public bool IsGitHubActions { get; }

    /// <summary>Where Generate-Workflow writes and Check-Workflow reads the generated files: the repository, or another checkout.</summary>
    public DirectoryPath GeneratedRoot { get; }

    /// <summary>The folder of an artifact the definition names; its CI job uploads from the same place.</summary>
    public DirectoryPath ArtifactDirectory(Artifact artifact) => RepoRoot.Combine(artifact.Path);
}
