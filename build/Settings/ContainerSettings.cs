namespace Build.Settings;

/// <summary>
/// One image of the app: <c>&lt;registry&gt;/&lt;owner&gt;/&lt;name&gt;</c>, tagged with the commit SHA and <c>latest</c>,
/// built from <see cref="Dockerfile"/> in <see cref="Context"/>.
/// </summary>
public sealed record ContainerImage(string Component, string Name, string Repository, string Sha, DirectoryPath Context, FilePath Dockerfile)
{
    /// <summary>The immutable tag every stage after Build-Images uses.</summary>
    public string ShaTag => $"{Repository}:{Sha}";

    public string LatestTag => $"{Repository}:latest";

    public IReadOnlyList<string> Tags => [ShaTag, LatestTag];

    /// <summary>The layer cache Build-Images reads and Push-Images pushes: an image with inline cache data.</summary>
    public string CacheTag => $"{Repository}:buildcache";
}

/// <summary>
/// Everything the image stages (Build-Images, Test-Integration, Test-E2E, Security-Images, Push-Images, Rehearse)
/// need, read once from arguments and environment. <see cref="Problems"/> lists every missing or invalid value,
/// so a stage fails before any side effect; the checks are in ContainerSettings.Problems.cs.
/// </summary>
public sealed partial record ContainerSettings(
    // The definition's registry in GitHub Actions, else the local one; optionally with a port.
    string Registry,
    // Lower case (local outside CI); empty for ECR, whose repositories sit below the host.
    string Owner,
    string Sha,
    // The commit's time (RFC 3339, UTC): the created label stays the same on every rebuild of a commit.
    string Created,
    string SourceUrl,
    ContainerImage Backend,
    ContainerImage Frontend,
    // The docker save tarball Build-Images writes and later jobs load.
    FilePath ImagesArchive,
    // The registry's layer cache (each image's buildcache tag) read by Build-Images, pushed by Push-Images (CI only).
    bool LayerCache,
    // Host ports of the stack: 0 picks a free port per run, so parallel stacks do not collide.
    int BackendPort,
    int FrontendPort,
    // Covers up plus the wait for healthy services.
    TimeSpan StackTimeout,
    // Unset, each run gets a unique compose project.
    string? ComposeProject,
    FilePath ComposeFile,
    // Locally an existing login is used; GitHub Actions and ECR log in.
    bool LogIn,
    string RegistryUser,
    // Null for any registry but ECR, which is logged in to through the AWS CLI.
    EcrRegistryHost? Ecr)
{
    public const string LocalRegistry = "127.0.0.1:5000";
    public const string LocalOwner = "local";

    public IReadOnlyList<ContainerImage> Images => [Backend, Frontend];

    public IReadOnlyList<string> Problems { get; init; } = [];

    public static ContainerSettings From(BuildContext context)
    {
        var problems = new List<string>();
        var repo = context.RepoRoot.FullPath;
        var registry = context.Argument(ArgumentNames.Registry, context.IsGitHubActions ? SovdPipeline.Registry.Host : LocalRegistry).Trim();
        var ecr = EcrRegistryHost.TryParse(registry);
        // Outside CI an unset owner is the local one; in CI Check() reports it missing.
        var owner = context.ImageOwner(registry) ?? (context.IsGitHubActions ? string.Empty : LocalOwner);
        var sha = context.Sha()?.ToLowerInvariant() ?? string.Empty;
        var settings = new ContainerSettings(
            Registry: registry,
            Owner: owner,
            Sha: sha,
            Created: ResolveCreated(context, sha, problems),
            SourceUrl: context.ArgumentOrNull(ArgumentNames.SourceUrl) ?? GitHubRepositoryUrl(context)
                ?? context.GitOriginUrl(repo) ?? new Uri(repo).AbsoluteUri,
            Backend: Image(context, "backend", "sovd-backend", registry, owner, sha),
            Frontend: Image(context, "frontend", "sovd-frontend", registry, owner, sha),
            ImagesArchive: context.FileArgument(ArgumentNames.ImagesArchive, context.ArtifactDirectory(SovdPipeline.Images).CombineWithFilePath("sovd-images.tar")),
            LayerCache: context.Argument(ArgumentNames.LayerCache, context.IsGitHubActions),
            BackendPort: context.Argument(ArgumentNames.BackendPort, 0),
            FrontendPort: context.Argument(ArgumentNames.FrontendPort, 0),
            StackTimeout: TimeSpan.FromSeconds(context.Argument(ArgumentNames.StackTimeout, 180)),
            ComposeProject: context.ArgumentOrNull(ArgumentNames.ComposeProject),
            ComposeFile: context.AppRoot.CombineWithFilePath("docker-compose.yml"),
            // ECR's password comes from the AWS credentials at hand, so Push-Images logs in wherever it runs.
            LogIn: context.IsGitHubActions || ecr is not null,
            Ecr: ecr,
            RegistryUser: context.ArgumentOrNull(ArgumentNames.RegistryUser)
                ?? context.GitHubRun().Actor.NullIfBlank() ?? owner);
        return settings with { Problems = [.. problems, .. settings.Check()] };
    }

    private static string ResolveCreated(BuildContext context, string sha, List<string> problems)
    {
        if (context.ArgumentOrNull(ArgumentNames.Created) is { } given)
        {
            if (DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Rfc3339(parsed);
            }
            problems.Add($"--{ArgumentNames.Created}={given} is not a time: use RFC 3339, e.g. 2025-01-31T12:00:00Z.");
            return string.Empty;
        }
        if (sha.Length == 0)
        {
            return string.Empty;
        }
        if (context.GitCommitTime(context.RepoRoot, sha) is { } time)
        {
            return Rfc3339(time);
        }
        problems.Add($"{sha} is not a commit of this checkout, so the images' created time is unknown: fetch it, or pass --{ArgumentNames.Created}=<RFC 3339 time>.");
        return string.Empty;
    }

    private static ContainerImage Image(BuildContext context, string component, string name, string registry, string owner, string sha)
    {
        var folder = context.AppRoot.Combine(component);
        var repository = owner.Length > 0 ? $"{registry}/{owner}/{name}" : $"{registry}/{name}";
        return new ContainerImage(component, name, repository, sha, folder, folder.CombineWithFilePath("Dockerfile.prod"));
    }

    private static string? GitHubRepositoryUrl(BuildContext context) =>
        (context.GitHubRun().ServerUrl.NullIfBlank(), context.GitHubRun().Repository.NullIfBlank())
            is ({ } server, { } repository)
            ? $"{server.TrimEnd('/')}/{repository}"
            : null;

    private static string Rfc3339(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
