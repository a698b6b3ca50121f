using Build.Tools.Docker;

namespace Build.Containers;

/// <summary>
/// Makes the built images available to a later stage. Locally they are usually still in the engine; a CI job
/// starts on a fresh runner and loads the tarball Build-Images saved (the job downloads it as an artifact).
/// </summary>
public static class LocalImages
{
    /// <summary>Ensures every tag in <paramref name="tags"/> is in the engine, loading the images archive when one is missing.</summary>
    public static void EnsurePresent(BuildContext context, ContainerSettings settings, IReadOnlyList<string> tags)
    {
        if (context.DryRun)
        {
            context.Information($"[dry-run] would load {settings.ImagesArchive.FullPath} if any of {string.Join(", ", tags)} is missing");
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
                $"(in CI the job downloads the '{SovdPipeline.Images.Name}' artifact into {SovdPipeline.Images.Path}).");
        }
        context.Information($"Loading {archive}: {string.Join(", ", missing)} not in the engine");
        context.DockerLoad(settings.ImagesArchive);
        var stillMissing = missing.Where(tag => !context.DockerImageExists(tag)).ToList();
        if (stillMissing.Count > 0)
        {
            throw new CakeException(
                $"{archive} does not contain {string.Join(", ", stillMissing)}: it was built for another commit, registry or owner. " +
                $"Run Build-Images with the same --{ArgumentNames.Sha}, --{ArgumentNames.Registry} and --{ArgumentNames.Owner}.");
        }
    }

    /// <summary>The SHA tags: what the test and scan stages use.</summary>
    public static IReadOnlyList<string> ShaTags(ContainerSettings settings) => settings.Images.Select(image => image.ShaTag).ToList();

    /// <summary>Both tags of both images: what Push-Images pushes.</summary>
    public static IReadOnlyList<string> AllTags(ContainerSettings settings) => settings.Images.SelectMany(image => image.Tags).ToList();
}
