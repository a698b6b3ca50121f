namespace Build.Tasks;

[TaskName(TargetNames.BuildImages)]
public sealed class BuildImages : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid(SovdPipeline.BuildImages.Name, settings.BuildProblems());
        ToolPreflight.Ensure(context, [DockerSettings.EngineRequirement, .. NodeModules.Requirements]);
        LocalImages.EnsureBaseImages(context, settings);

        // npm cannot reach its registry inside a container build on our machines: the bundle is built here and COPYed in.
        Timed(context, "frontend bundle", () =>
        {
            NodeModules.EnsureInstalled(context, settings.Frontend.Context);
            context.NpmRun(new NpmRunSettings { Script = "build", WorkingDirectory = settings.Frontend.Context });
        });
        foreach (var image in settings.Images)
        {
            Timed(context, image.Name, () => context.DockerBuild(BuildSettings(settings, image)));
        }
        Timed(context, "docker save", () =>
        {
            ReportFolder.Clear(context, settings.ImagesArchive);
            context.DockerSave(settings.ImagesArchive, settings.Images.SelectMany(image => image.Tags));
        });
        context.Information($"Built {string.Join(", ", settings.Images.SelectMany(image => image.Tags))}; saved to {settings.ImagesArchive.FullPath}");
    }

    private static DockerBuildSettings BuildSettings(ContainerSettings settings, ContainerImage image) => new()
    {
        Context = image.Context,
        Dockerfile = image.Dockerfile,
        Tags = image.Tags,
        Labels = new Dictionary<string, string>
        {
            ["org.opencontainers.image.created"] = settings.Created,
            ["org.opencontainers.image.revision"] = settings.Sha,
            ["org.opencontainers.image.source"] = settings.SourceUrl,
            ["org.opencontainers.image.title"] = image.Name,
        },
        // BuildKit, as on GitHub's runner (Docker 28, where `docker build` is buildx): the engine's BuildKit, or buildx's
        // when scripts/install-docker-plugins.sh put the plugin into .tools/docker (issue #23). The layer cache needs it
        // too: it reads the cache metadata embedded in the registry's latest image, and BUILDKIT_INLINE_CACHE embeds it
        // in this one for the next build. A missing or private cache image only costs time.
        BuildKit = true,
        CacheFrom = settings.LayerCache ? [image.LatestTag] : [],
        BuildArgs = settings.LayerCache ? new Dictionary<string, string> { ["BUILDKIT_INLINE_CACHE"] = "1" } : new Dictionary<string, string>(),
    };

    private static void Timed(BuildContext context, string step, Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        context.Information($"{step}: {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
