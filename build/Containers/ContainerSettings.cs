namespace Build.Containers;

/// <summary>
/// One image of the app: <c>&lt;registry&gt;/&lt;owner&gt;/&lt;name&gt;</c>, tagged with the commit SHA and
/// <c>latest</c>, built from <see cref="Dockerfile"/> in <see cref="Context"/>.
/// </summary>
public sealed record ContainerImage(string Component, string Name, string Repository, string Sha,
    DirectoryPath Context, FilePath Dockerfile)
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
    RegistryAccess Registry,
    ImageProvenance Provenance,
    ContainerImage Backend,
    ContainerImage Frontend,
    // The docker save tarball Build-Images writes and later jobs load.
    FilePath ImagesArchive,
    // The registry's layer cache (each image's buildcache tag) read by Build-Images, pushed by Push-Images (CI only).
    bool LayerCache,
    ComposeStackSettings Stack)
{
    public const string LocalRegistry = "127.0.0.1:5000";
    public const string LocalOwner = "local";

    public IReadOnlyList<ContainerImage> Images => [Backend, Frontend];

    public IReadOnlyList<string> Problems { get; init; } = [];

    public static ContainerSettings From(BuildContext context)
    {
        var problems = new List<string>();
        var registry = RegistryAccess.From(context);
        var provenance = ImageProvenance.From(context, problems);
        var settings = new ContainerSettings(
            Registry: registry,
            Provenance: provenance,
            Backend: Image(context, "backend", "sovd-backend", registry, provenance.Sha),
            Frontend: Image(context, "frontend", "sovd-frontend", registry, provenance.Sha),
            ImagesArchive: context.FileArgument(ArgumentNames.ImagesArchive,
                context.ArtifactDirectory(SovdPipeline.Images).CombineWithFilePath("sovd-images.tar")),
            LayerCache: context.Argument(ArgumentNames.LayerCache, context.IsGitHubActions),
            Stack: ComposeStackSettings.From(context));
        return settings with { Problems = [.. problems, .. settings.Check()] };
    }

    private static ContainerImage Image(BuildContext context, string component, string name, RegistryAccess registry,
        string sha)
    {
        var folder = context.AppRoot.Combine(component);
        var repository = registry.Owner.Length > 0
            ? $"{registry.Host}/{registry.Owner}/{name}"
            : $"{registry.Host}/{name}";
        return new ContainerImage(component, name, repository, sha, folder,
            folder.CombineWithFilePath("Dockerfile.prod"));
    }
}
