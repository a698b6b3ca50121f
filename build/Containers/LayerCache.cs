namespace Build.Containers;

/// <summary>
/// The images' layer cache in the registry: each image's <c>buildcache</c> tag, an image built with BuildKit's inline
/// cache metadata (BUILDKIT_INLINE_CACHE=1), read back with <c>--cache-from</c> by the next build on a clean runner.
/// </summary>
/// <remarks>
/// Why inline and not <c>--cache-to type=registry,mode=max</c> or <c>type=gha</c>: the default <c>docker</c> builder
/// (the engine's BuildKit) exports no other cache backend without the containerd image store — buildx 0.13.1 here
/// refuses "Cache export is not supported for the docker driver", and docs.docker.com/build/cache/backends/ says the
/// same (read 2026-12-07); a docker-container builder would need the moby/buildkit image from Docker Hub, which this
/// project's machines cannot reach, so that path could not be tested here. <c>type=gha</c> also needs the runner's
/// ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, which only a JavaScript action sees
/// (crazy-max/ghaction-github-runtime exports them; actions/toolkit packages/cache reads them, read 2026-12-07): one
/// more pinned action, and no way to run it off GitHub. The cost of inline: only the final stage's layers are cached
/// (the docs' "mode=min").
/// A pull request from a fork gets a read-only GITHUB_TOKEN (docs.github.com, "Permissions for the GITHUB_TOKEN",
/// read 2026-12-07): its cache push fails, which only costs the next build time, so it warns instead of failing.
/// </remarks>
public static class LayerCache
{
    /// <summary>
    /// Whether Build-Images uses the cache: asked for (<c>--layer-cache</c>) and with the login it needs, else warns.
    /// </summary>
    public static bool Usable(BuildContext context, ContainerSettings settings)
    {
        if (settings.LayerCache && settings.PushProblems(context).FirstOrDefault() is { } problem)
        {
            context.Warning($"Building without the layer cache: {problem}");
            return false;
        }
        return settings.LayerCache;
    }

    /// <summary>Names the built image <see cref="ContainerImage.CacheTag"/>, pushes it; a failed push warns.</summary>
    public static void Save(BuildContext context, ContainerImage image)
    {
        context.DockerTag(image.ShaTag, image.CacheTag);
        var push = context.DockerPush(image.CacheTag, new DockerSettings { ThrowOnNonZeroExit = false });
        if (!push.Result.Succeeded)
        {
            context.Warning($"Layer cache {image.CacheTag} not pushed (exit {push.Result.ExitCode}): the next build " +
                "starts cold. A pull request from a fork has no packages: write; elsewhere check the registry login.");
        }
    }
}
