using Build.Tools.Docker;
using Cake.Core.IO;

namespace Build.Containers;

/// <summary>
/// Pushes both images, with their SHA tag and (unless <c>pushLatest</c> is false) <c>latest</c>, and records their
/// digests in images.json (Push-Images and Rehearse).
/// </summary>
public static class ImagePublisher
{
    /// <summary>Where the digests go; the deploy stages read this file.</summary>
    public static FilePath RecordFile(BuildContext context) =>
        context.ArtifactDirectory(SovdPipeline.PushedImages).CombineWithFilePath(PushedImagesFile.FileName);

    public static IReadOnlyDictionary<ContainerImage, string> PushAndRecord(BuildContext context, ContainerSettings settings, bool pushLatest = true)
    {
        var digests = settings.Images.ToDictionary(image => image, image => Push(context, image, PushedTags(image, pushLatest)));
        var file = RecordFile(context);
        if (context.DryRun)
        {
            context.Information($"[dry-run] would write {file.FullPath}");
            return digests;
        }
        PushedImagesFile.Write(file, digests, image => PushedTags(image, pushLatest));
        context.Information($"Pushed {string.Join(", ", digests.Select(pair => $"{pair.Key.Repository}@{pair.Value}"))}; recorded in {file.FullPath}");
        return digests;
    }

    private static IReadOnlyList<string> PushedTags(ContainerImage image, bool pushLatest) =>
        pushLatest ? image.Tags : [image.ShaTag];

    /// <summary>Pushes the tags; they name one image, so the registry must report one digest for all.</summary>
    private static string Push(BuildContext context, ContainerImage image, IReadOnlyList<string> tags)
    {
        var digests = tags.Select(tag => context.DockerPush(tag).Digest ?? (context.DryRun ? "sha256:dry-run" : null)).ToList();
        if (digests.Any(digest => digest is null))
        {
            throw new CakeException($"docker push of {image.Repository} reported no digest: cannot record what to deploy.");
        }
        if (digests.Distinct().Count() > 1)
        {
            throw new CakeException($"{string.Join(" and ", tags)} were pushed with different digests ({string.Join(", ", digests)}): the tags moved during the push.");
        }
        return digests[0]!;
    }
}
