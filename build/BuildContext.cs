using Cake.Common.Build.GitHubActions;

namespace Build;

/// <summary>
/// What every stage task needs, read once from arguments, environment and the pipeline definition.
/// Tasks hold no literals of their own: paths come from here and from the definition's artifacts.
/// </summary>
public sealed class BuildContext : HostContext
{
    private readonly IGitHubActionsProvider _gitHubActions;

    public BuildContext(ICakeContext context)
        : base(context)
    {
        RepoRoot = new DirectoryPath(Repository.Root);
        AppRoot =
            new DirectoryPath(
            Path.GetFullPath(Argument(ArgumentNames.AppRoot, SovdPipeline.Settings.AppRoot), RepoRoot.FullPath));
        HostTools = new HostTools(this);
        // The provider Cake's context.GitHubActions() alias hands out, without the alias's other CI providers (one of
        // which asks the context for its process runner).
        _gitHubActions = new GitHubActionsProvider(
            context.Environment, context.FileSystem,
                new ConsoleServiceMessageWriter(new CakeConsole(context.Environment)));
        IsGitHubActions = _gitHubActions.IsRunningOnGitHubActions;
        // The frontend stages run on the definition's Node LTS that scripts/setup-machine.sh put into .tools/node.
        NodeRuntime.UseRepositoryNode(RepoRoot.FullPath);
        // Compose v2 and buildx, as on GitHub's runner, from .tools/docker (scripts/install-docker-plugins.sh).
        DockerPlugins.UseRepositoryPlugins(RepoRoot.FullPath);
        GeneratedRoot = new DirectoryPath(Path.GetFullPath(Argument(ArgumentNames.OutputRoot, "."), RepoRoot.FullPath));
        var artifactsRoot = this.ArgumentOrNull(ArgumentNames.ArtifactsRoot) ?? Artifact.Root;
        ArtifactsRoot = new DirectoryPath(Path.GetFullPath(artifactsRoot, RepoRoot.FullPath));
    }

    public DirectoryPath RepoRoot { get; }

    /// <summary>Where the app lives (backend/, frontend/, e2e/, docker-compose.yml, infrastructure/).</summary>
    public DirectoryPath AppRoot { get; }

    public HostTools HostTools { get; }

    public bool IsGitHubActions { get; }

    /// <summary>
    /// The one seam to the runner's GITHUB_* and RUNNER_* variables: Cake.Common's provider (Workflow.Sha, .Actor,
    /// .RepositoryOwner, Runner.Temp…; unset strings read as empty), made once from this context's environment, so a
    /// test's environment is the one asked. An instance method on purpose: every <c>context.GitHubActions()</c> on a
    /// BuildContext binds here rather than to Cake's alias, which builds every CI provider anew on each call. The
    /// secret GITHUB_TOKEN is no runner variable and is read with <see cref="Inputs.Variable"/>.
    /// </summary>
    /// <remarks>
    /// Names as in Cake.Common's src/Cake.Common/Build/GitHubActions/Data/GitHubActionsWorkflowInfo.cs and
    /// GitHubActionsInfo.cs, the construction as in src/Cake.Common/Build/BuildSystemAliases.cs
    /// (cake-build/cake at cc71d61, 6.0.0, read 2026-12-07; the 7.0.0 tag is not in the stored
    /// copy, and this file compiling against the referenced 7.0.0 Cake.Common.dll confirms the members used).
    /// </remarks>
    public IGitHubActionsProvider GitHubActions() => _gitHubActions;

    /// <summary>
    /// Where Generate-Workflow writes and Check-Workflow reads the generated files: the repository, or another
    /// checkout.
    /// </summary>
    public DirectoryPath GeneratedRoot { get; }

    /// <summary>
    /// Where the stages write their artifacts: the repository's .artifacts, from which CI jobs upload, unless
    /// <c>--artifacts-root</c> names another folder (runs side by side, tests).
    /// </summary>
    public DirectoryPath ArtifactsRoot { get; }

    /// <summary>The folder of an artifact the definition names; its CI job uploads from the same place.</summary>
    public DirectoryPath ArtifactDirectory(Artifact artifact) => ArtifactsRoot.Combine(artifact.Folder);
}
