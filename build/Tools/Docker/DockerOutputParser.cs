namespace Build.Tools.Docker;

public static partial class DockerOutputParser
{
    /// <summary>The digest from a push line like <c>1.2.3: digest: sha256:… size: 1234</c>, or <c>null</c>.</summary>
    public static string? PushDigest(IEnumerable<string> lines) =>
        lines.Select(line => PushDigestPattern().Match(line)).LastOrDefault(
            match => match.Success)?.Groups["digest"].Value;

    public static IReadOnlyList<string> RepoDigests(string json) =>
        json.Trim().Length == 0 ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    /// <summary>
    /// The digest of the entry of <paramref name="repoDigests"/> that belongs to <paramref name="image"/>'s repository.
    /// </summary>
    public static string? DigestFor(string image, IEnumerable<string> repoDigests)
    {
        var prefix = Repository(image) + "@";
        return repoDigests.FirstOrDefault(
            entry => entry.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
    }

    /// <summary><c>ghcr.io/o/app:1.2</c> → <c>ghcr.io/o/app</c>; a port in the registry host is kept.</summary>
    public static string Repository(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var lastSlash = withoutDigest.LastIndexOf('/');
        var lastColon = withoutDigest.LastIndexOf(':');
        return lastColon > lastSlash ? withoutDigest[..lastColon] : withoutDigest;
    }

    [GeneratedRegex(@"digest: (?<digest>sha256:[0-9a-f]{64})")]
    private static partial Regex PushDigestPattern();
}

/// <summary>What <c>docker push</c> produced: the registry's manifest digest (<c>sha256:…</c>), when known.</summary>
public sealed record DockerPushResult(ToolResult Result, string? Digest);
