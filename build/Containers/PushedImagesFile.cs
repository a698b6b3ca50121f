using System.Text.Json;
using System.Text.Json.Nodes;
using Cake.Core.IO;

namespace Build.Containers;

/// <summary>
/// <c>images.json</c>: what Push-Images pushed, read by the deploy stages to pin each component to its digest.
/// <c>{"backend": {"repository", "tag", "digest", "tags", "reference"}, "frontend": {…}}</c>.
/// </summary>
public static class PushedImagesFile
{
    public const string FileName = "images.json";

    /// <param name="pushedTags">The tags pushed of each image (full references); default: all of its tags.</param>
    public static void Write(FilePath file, IReadOnlyDictionary<ContainerImage, string> digests, Func<ContainerImage, IReadOnlyList<string>>? pushedTags = null)
    {
        var root = new JsonObject();
        foreach (var (image, digest) in digests)
        {
            root[image.Component] = new JsonObject
            {
                ["repository"] = image.Repository,
                ["tag"] = image.Sha,
                ["digest"] = digest,
                ["tags"] = new JsonArray([.. (pushedTags?.Invoke(image) ?? image.Tags).Select(tag => (JsonNode?)JsonValue.Create(tag[(image.Repository.Length + 1)..]))]),
                ["reference"] = $"{image.Repository}@{digest}",
            };
        }
        Directory.CreateDirectory(file.GetDirectory().FullPath);
        File.WriteAllText(file.FullPath, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
