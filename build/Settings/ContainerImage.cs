using Cake.Core.IO;

namespace Build.Settings;

/// <summary>
/// One image of the app: <c>&lt;registry&gt;/&lt;owner&gt;/&lt;name&gt;</c>, tagged with the commit SHA and <c>latest</c>,
/// built from <see cref="Dockerfile"/> in <see cref="Context"/>.
/// </summary>
public sealed record ContainerImage(string Component, string Name, string Repository, string Sha, DirectoryPath Context, FilePath Dockerfile)
{
    /// <summary>The immutable tag every stage after Build-Images uses.</summary>
    public string ShaTag => $"{Repository}:{Sha}";

    public string LatestTag => $"{Repository}:latest";

    public IReadOnlyList<string> Tags => [ShaTag, LatestTag];
}
