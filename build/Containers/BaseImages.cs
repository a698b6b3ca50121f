using System.Text.RegularExpressions;
using Build.Tools.Docker;

namespace Build.Containers;

/// <summary>
/// The images the Dockerfiles start FROM. Where Docker Hub is unreachable (this project's machines) they must be
/// in the engine already, so a build fails up front with the way to make them instead of half-way in a pull.
/// </summary>
public static partial class BaseImages
{
    public const string MakeHint = "run scripts/container-engine.sh base-image (it makes debian:trixie-slim with mmdebstrap), or docker pull it where Docker Hub is reachable";

    /// <summary>External images named by <c>FROM</c> lines; build stages (<c>FROM x AS name</c> then <c>FROM name</c>) and <c>scratch</c> excluded.</summary>
    public static IReadOnlyList<string> Of(string dockerfile)
    {
        var stages = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "scratch" };
        var images = new List<string>();
        foreach (Match match in FromLine().Matches(File.ReadAllText(dockerfile)))
        {
            var image = match.Groups["image"].Value;
            if (!stages.Contains(image) && !images.Contains(image))
            {
                images.Add(image);
            }
            if (match.Groups["stage"].Success)
            {
                stages.Add(match.Groups["stage"].Value);
            }
        }
        return images;
    }

    /// <summary>Throws naming every base image the engine lacks; skipped on GitHub, where docker pulls them.</summary>
    public static void EnsureAvailable(BuildContext context, ContainerSettings settings)
    {
        if (context.DryRun || context.IsGitHubActions)
        {
            return;
        }
        var missing = settings.Images.SelectMany(image => Of(image.Dockerfile.FullPath)).Distinct().Where(image => !context.DockerImageExists(image)).ToList();
        if (missing.Count > 0)
        {
            throw new CakeException($"Base image(s) {string.Join(", ", missing)} not in the engine: {MakeHint}.");
        }
    }

    [GeneratedRegex(@"^\s*FROM\s+(--\S+\s+)*(?<image>\S+)(\s+AS\s+(?<stage>\S+))?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();
}
