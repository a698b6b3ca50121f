using Build.Settings;
using Build.Tools.Docker;
using Cake.Common.Diagnostics;
using Cake.Core;
using Cake.Core.IO;
using Pipeline.Definition;

namespace Build.Containers;

/// <summary>Pushes both tags of both images and records their digests in images.json (Push-Images and Rehearse).</summary>
public static class ImagePublisher
{
    /// <summary>Where the digests go; the deploy stages read this file.</summary>
    public static FilePath RecordFile(BuildContext context) =>
        context.ArtifactDirectory(SovdPipeline.PushedImages).CombineWithFilePath(PushedImagesFile.FileName);

    public static IReadOnlyDictionary<ContainerImage, string> PushAndRecord(BuildContext context, ContainerSettings settings)
    {
        var digests = settings.Images.ToDictionary(image => image, image => Push(context, image));
        var file = RecordFile(context);
        if (context.DryRun)
        {
            context.Information($"[dry-run] would write {file.FullPath}");
            return digests;
        }
        PushedImagesFile.Write(file, digests);
        context.Information($"Pushed {string.Join(", ", digests.Select(pair => $"{pair.Key.Repository}@{pair.Value}"))}; recorded in {file.FullPath}");
        return digests;
    }

    /// <summary>Pushes both tags; they name one image, so the registry must report one digest for both.</summary>
    private static string Push(BuildContext context, ContainerImage image)
    {
        var digests = image.Tags.Select(tag => context.DockerPush(tag).Digest ?? (context.DryRun ? "sha256:dry-run" : null)).ToList();
        if (digests.Any(digest => digest is null))
        {
            throw new CakeException($"docker push of {image.Repository} reported no digest: cannot record what to deploy.");
        }
        if (digests.Distinct().Count() > 1)
        {
            throw new CakeException($"{string.Join(" and ", image.Tags)} were pushed with different digests ({string.Join(", ", digests)}): the tags moved during the push.");
        }
        return digests[0]!;
    }
}
