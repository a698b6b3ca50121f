namespace Build.Containers;

/// <summary>
/// The images' layer cache in the registry: each image's <c>buildcache</c> tag, an image built with BuildKit's inline
/// cache metadata (BUILDKIT_INLINE_CACHE=1) and pushed by Push-Images, read back with <c>--cache-from</c> by the next
/// Build-Images on a clean runner.
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
/// Who writes it: Push-Images only, never Build-Images. Build-Images also runs for pull requests, and a pull request
/// from a branch of the same repository gets the permissions its job declares (only public forks are capped at read:
/// docs.github.com/en/actions/reference/github_token-reference, "Permissions for the GITHUB_TOKEN", read
/// 2026-12-07). With <c>packages: write</c> there, unreviewed code could push a <c>buildcache</c> image whose inline
/// metadata claims the cache keys of the Dockerfile's RUN steps, and the next build on main would import its layers
/// into the release. So Build-Images logs in with <c>packages: read</c>, and Push-Images (pushes to develop and main
/// only) tags the image it loads from the <c>images</c> artifact as <c>buildcache</c> and pushes it: the inline cache
/// metadata lives in the image config, under the <c>moby.buildkit.cache.v0</c> key (moby/buildkit's
/// exporter/containerimage writes it, cache/remotecache/import.go reads it back, read 2026-12-07), which
/// <c>docker save</c> and <c>docker load</c> carry as it is; BuildImagesLayerCacheDockerTests finds the key in the
/// pushed config and the cache hit after that round trip.
/// </remarks>
public static class LayerCache
{
    /// <summary>
    /// Whether Build-Images reads the cache: asked for (<c>--layer-cache</c>) and with the login it needs, else warns.
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

    /// <summary>
    /// Push-Images: names the loaded image <see cref="ContainerImage.CacheTag"/> and pushes it. A failed push only
    /// costs the next build time, so it warns; the release's own tags are pushed by then.
    /// </summary>
    public static void Save(BuildContext context, ContainerImage image)
    {
        context.DockerTag(image.ShaTag, image.CacheTag);
        var push = context.DockerPush(image.CacheTag, new DockerSettings { ThrowOnNonZeroExit = false });
        if (!push.Result.Succeeded)
        {
            context.Warning($"Layer cache {image.CacheTag} not pushed (exit {push.Result.ExitCode}): the next " +
                "build starts cold. Check the registry login and the job's packages: write.");
        }
    }
}
