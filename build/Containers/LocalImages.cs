namespace Build.Containers;

/// <summary>
/// The images a stage needs in the engine. Where Docker Hub is unreachable (this project's machines) the base images
/// the Dockerfiles start FROM must be there already, so a build fails up front with the way to make them instead of
/// half-way in a pull. Built images are usually still in the engine locally; a CI job starts on a fresh runner and
/// loads the tarball Build-Images saved (the job downloads it as an artifact).
/// </summary>
public static partial class LocalImages
{
    /// <summary>
    /// External images named by <c>FROM</c> lines, with the ARG defaults they use filled in; build stages
    /// (<c>FROM x AS name</c> then <c>FROM name</c>) and <c>scratch</c> excluded.
    /// </summary>
    public static IReadOnlyList<BaseImage> BaseImagesOf(string dockerfile)
    {
        var text = File.ReadAllText(dockerfile);
        // The first declaration: an ARG before the first FROM is the one every FROM line reads.
        var arguments = ArgLine().Matches(text).GroupBy(line => line.Groups["name"].Value)
            .ToDictionary(group => group.Key, group => group.First().Groups["value"].Value);
        var froms = FromLine().Matches(text);
        var stages = froms.Where(line => line.Groups["stage"].Success).Select(line => line.Groups["stage"].Value)
            .Append("scratch").ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. froms.Select(line => line.Groups["image"].Value).Where(image => !stages.Contains(image))
            .Select(image => Resolve(dockerfile, image, arguments)).Distinct()];
    }

    /// <summary>Throws naming every base image the engine lacks; skipped on GitHub, where docker pulls them.</summary>
    public static void EnsureBaseImages(BuildContext context, ContainerSettings settings)
    {
        if (context.DryRun || context.IsGitHubActions)
        {
            return;
        }
        var missing = settings.Images.SelectMany(image => BaseImagesOf(image.Dockerfile.FullPath)).Distinct()
            .Where(image => image.InEngine(context) is null).Select(image => image.Pinned).ToList();
        if (missing.Count > 0)
        {
            throw new CakeException($"Base image(s) {string.Join(", ", missing)} not in the engine: run " +
                "scripts/container-engine.sh base-image (it makes debian:trixie-slim with mmdebstrap), " +
                "or docker pull it where Docker Hub is reachable.");
        }
    }

    /// <summary>
    /// The build arguments that point a Dockerfile's base-image ARG at what this engine has. In GitHub Actions none:
    /// docker pulls the pinned digest. Elsewhere, when the engine lacks that digest (Docker Hub unreachable, the image
    /// made by scripts/container-engine.sh), the tag, and the output says the build drifts from CI's base.
    /// </summary>
    public static IReadOnlyDictionary<string, string> BaseImageArguments(BuildContext context, FilePath dockerfile)
    {
        var arguments = new Dictionary<string, string>();
        if (context.DryRun || context.IsGitHubActions)
        {
            return arguments;
        }
        foreach (var image in BaseImagesOf(dockerfile.FullPath).Where(image => image.Argument is not null))
        {
            if (image.InEngine(context) is { } local && local != image.Pinned)
            {
                arguments[image.Argument!] = local;
                context.Information($"Base image of {dockerfile.GetFilename()}: {local} " +
                    $"(--build-arg {image.Argument}={local}), not the pinned {image.Pinned}, which this engine " +
                    "does not have: drift from CI, which builds from the digest.");
            }
        }
        return arguments;
    }

    private static BaseImage Resolve(string dockerfile, string image, IReadOnlyDictionary<string, string> arguments)
    {
        if (!image.Contains('$', StringComparison.Ordinal))
        {
            return new BaseImage(image, null);
        }
        var name = image.Trim('$', '{', '}');
        if (!arguments.TryGetValue(name, out var value) || value.Length == 0 || value.Contains('$'))
        {
            throw new CakeException(
                $"{dockerfile}: FROM {image} needs a default: " +
                $"add ARG {name}=<image>@sha256:<digest> before the first FROM.");
        }
        return new BaseImage(value, name);
    }

    /// <summary>
    /// Ensures the images' SHA tags (and with <paramref name="allTags"/> their other tags, which a push needs) are in
    /// the engine, loading the images archive when one is missing.
    /// </summary>
    public static void EnsurePresent(BuildContext context, ContainerSettings settings, bool allTags = false)
    {
        IReadOnlyList<string> tags = [.. settings.Images.SelectMany(image => allTags ? image.Tags : [image.ShaTag])];
        if (context.DryRun)
        {
            context.Information($"[dry-run] would load {settings.ImagesArchive.FullPath} " +
                $"if any of {string.Join(", ", tags)} is missing");
            return;
        }
        var missing = tags.Where(tag => !context.DockerImageExists(tag)).ToList();
        if (missing.Count == 0)
        {
            context.Information($"Images in the engine: {string.Join(", ", tags)}");
            return;
        }
        var archive = settings.ImagesArchive.FullPath;
        if (!File.Exists(archive))
        {
            throw new CakeException(
                $"{string.Join(", ", missing)} not in the engine and there is no {archive}: run Build-Images first " +
                $"(in CI the job downloads the '{SovdPipeline.Images.Name}' artifact " +
                $"into {SovdPipeline.Images.Path}).");
        }
        context.Information($"Loading {archive}: {string.Join(", ", missing)} not in the engine");
        context.DockerLoad(settings.ImagesArchive);
        var stillMissing = missing.Where(tag => !context.DockerImageExists(tag)).ToList();
        if (stillMissing.Count > 0)
        {
            throw new CakeException(
                $"{archive} does not contain {string.Join(", ", stillMissing)}: it was built for another commit, " +
                "registry or owner. Run Build-Images with the same " +
                $"--{ArgumentNames.Sha}, --{ArgumentNames.Registry} and --{ArgumentNames.Owner}.");
        }
    }

    [GeneratedRegex(@"^\s*ARG\s+(?<name>\w+)=(?<value>\S*)\s*$", RegexOptions.Multiline)]
    private static partial Regex ArgLine();

    [GeneratedRegex(@"^\s*FROM\s+(--\S+\s+)*(?<image>\S+)(\s+AS\s+(?<stage>\S+))?\s*$",
        RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();
}
