namespace Build.Containers;

/// <summary>
/// Pushes both images, with their SHA tag and (unless <c>pushLatest</c> is false, or <see cref="LatestTag"/> finds the
/// registry's latest newer) <c>latest</c>, and records their
/// digests in images.json (Push-Images and Rehearse), which the deploy stages read to pin each component to its digest:
/// <c>{"backend": {"repository", "tag", "digest", "tags", "reference"}, "frontend": {…}}</c>.
/// </summary>
public static class ImagePublisher
{
    public static void PushAndRecord(BuildContext context, ContainerSettings settings, bool pushLatest = true)
    {
        var movesLatest =
            settings.Images.ToDictionary(image => image, image => pushLatest && LatestTag.MayMove(context, image));
        IReadOnlyList<string> PushedTags(ContainerImage image) => movesLatest[image] ? image.Tags : [image.ShaTag];
        var digests = settings.Images.ToDictionary(image => image, image => Push(context, image, PushedTags(image)));
        var root = new JsonObject();
        foreach (var (image, digest) in digests)
        {
            root[image.Component] = new JsonObject
            {
                ["repository"] = image.Repository,
                ["tag"] = image.Sha,
                ["digest"] = digest,
                ["tags"] = new JsonArray(
                [
                    .. PushedTags(image)
                        .Select(tag => (JsonNode?)JsonValue.Create(tag[(image.Repository.Length + 1)..])),
                ]),
                ["reference"] = $"{image.Repository}@{digest}",
            };
        }
        var file = context.ArtifactDirectory(SovdPipeline.PushedImages).CombineWithFilePath("images.json");
        var written = ReportFolder.Write(context, file,
            root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        context.Information(
            $"Pushed {string.Join(", ", digests.Select(pair => $"{pair.Key.Repository}@{pair.Value}"))}; " +
            $"recorded in {file.FullPath} ({written})");
    }

    /// <summary>Pushes the tags; they name one image, so the registry must report one digest for all.</summary>
    private static string Push(BuildContext context, ContainerImage image, IReadOnlyList<string> tags)
    {
        var digests = tags
            .Select(tag => context.DockerPush(tag).Digest ?? (context.DryRun ? "sha256:dry-run" : null))
            .ToList();
        if (digests.Any(digest => digest is null))
        {
            throw new CakeException(
                $"docker push of {image.Repository} reported no digest: cannot record what to deploy.");
        }
        if (digests.Distinct().Count() > 1)
        {
            throw new CakeException($"{string.Join(" and ", tags)} were pushed with different digests " +
                $"({string.Join(", ", digests)}): the tags moved during the push.");
        }
        return digests[0]!;
    }
}
