namespace Build.Tasks;

[TaskName(TargetNames.BuildImages)]
public sealed class BuildImages : FrostingTask<BuildContext>
{
    private readonly RegistryLogin _login = new();

    public override void Run(BuildContext context)
    {
        var given = ContainerSettings.From(context);
        given.ThrowIfInvalid(SovdPipeline.BuildImages.Name, given.BuildProblems());
        var settings = given with { LayerCache = LayerCache.Usable(context, given) };
        // Before any process starts: only docker login may see the registry token (RegistryLogin.TakeToken).
        _login.TakeToken(context);
        ToolPreflight.Ensure(context, [DockerSettings.EngineRequirement, .. NodeModules.Requirements]);
        LocalImages.EnsureBaseImages(context, given);

        // npm cannot reach its registry inside a container build on our machines: the bundle is built here and
        // COPYed in.
        Timed(context, "frontend bundle", () =>
        {
            NodeModules.EnsureInstalled(context, settings.Frontend.Context);
            context.NpmRun(new NpmRunSettings { Script = "build", WorkingDirectory = settings.Frontend.Context });
        });
        if (settings.LayerCache)
        {
            // GHCR packages start private: without a login the cache is never found (issue #24). A read-only login
            // (packages: read), after npm: its scripts never run while the docker config holds even that token.
            _login.LogIn(context, settings);
        }
        foreach (var image in settings.Images)
        {
            // No cache push here: this job runs pull requests' code; Push-Images writes the cache (LayerCache).
            Timed(context, image.Name, () => context.DockerBuild(BuildOf(context, settings, image)));
        }
        Timed(context, "docker save", () =>
        {
            ReportFolder.Clear(context, settings.ImagesArchive);
            context.DockerSave(settings.ImagesArchive, settings.Images.SelectMany(image => image.Tags));
        });
        context.Information($"Built {string.Join(", ", settings.Images.SelectMany(image => image.Tags))}; " +
            $"saved to {settings.ImagesArchive.FullPath}");
    }

    public override void Finally(BuildContext context) => _login.LogOut(context);

    private static DockerBuildSettings BuildOf(BuildContext context, ContainerSettings settings, ContainerImage image)
    {
        return new DockerBuildSettings
        {
            Context = image.Context,
            Dockerfile = image.Dockerfile,
            Tags = image.Tags,
            Labels = new Dictionary<string, string>
            {
                ["org.opencontainers.image.created"] = settings.Provenance.Created,
                ["org.opencontainers.image.revision"] = settings.Provenance.Sha,
                ["org.opencontainers.image.source"] = settings.Provenance.SourceUrl,
                ["org.opencontainers.image.title"] = image.Name,
            },
            // BuildKit, as on GitHub's runner (Docker 28, where `docker build` is buildx): the engine's BuildKit, or
            // buildx's when scripts/install-docker-plugins.sh put the plugin into .tools/docker (issue #23). The layer
            // cache needs it too: it reads the cache metadata embedded in the registry's buildcache image, and
            // BUILDKIT_INLINE_CACHE embeds it in this one (Containers/LayerCache.cs). A missing cache only costs time.
            BuildKit = true,
            CacheFrom = settings.LayerCache ? [image.CacheTag] : [],
            BuildArgs = BuildArguments(context, settings, image),
        };
    }

    /// <summary>
    /// The commit goes into the image as APP_VERSION: every answer of both images names it (X-App-Version). Off GitHub
    /// the base image is the engine's own when it lacks the pinned digest (LocalImages.BaseImageArguments says so).
    /// </summary>
    private static Dictionary<string, string> BuildArguments(
        BuildContext context, ContainerSettings settings, ContainerImage image)
    {
        var arguments = new Dictionary<string, string>(LocalImages.BaseImageArguments(context, image.Dockerfile))
        {
            ["APP_VERSION"] = settings.Provenance.Sha,
        };
        if (settings.LayerCache)
        {
            arguments["BUILDKIT_INLINE_CACHE"] = "1";
        }
        return arguments;
    }

    private static void Timed(BuildContext context, string step, Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        context.Information($"{step}: {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
