namespace Build.Containers;

/// <summary>
/// Where the images come from: the commit they are tagged with, and the values of their
/// <c>org.opencontainers.image</c> labels <c>revision</c>, <c>created</c> and <c>source</c>.
/// </summary>
public sealed record ImageProvenance(
    string Sha,
    // The commit's time (RFC 3339, UTC): the created label stays the same on every rebuild of a commit.
    string Created,
    string SourceUrl)
{
    /// <summary>
    /// Reads the commit and its labels; a created time that cannot be had is one of <paramref name="problems"/>.
    /// </summary>
    public static ImageProvenance From(BuildContext context, List<string> problems)
    {
        var repo = context.RepoRoot.FullPath;
        var sha = context.Sha()?.ToLowerInvariant() ?? string.Empty;
        return new ImageProvenance(
            Sha: sha,
            Created: ResolveCreated(context, sha, problems),
            SourceUrl: context.ArgumentOrNull(ArgumentNames.SourceUrl) ?? GitHubRepositoryUrl(context)
                ?? context.GitOriginUrl(repo) ?? new Uri(repo).AbsoluteUri);
    }

    private static string ResolveCreated(BuildContext context, string sha, List<string> problems)
    {
        if (context.ArgumentOrNull(ArgumentNames.Created) is { } given)
        {
            if (DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Rfc3339(parsed);
            }
            problems.Add($"--{ArgumentNames.Created}={given} is not a time: use RFC 3339, e.g. 2025-01-31T12:00:00Z.");
            return string.Empty;
        }
        if (sha.Length == 0)
        {
            return string.Empty;
        }
        if (context.GitCommitTime(context.RepoRoot, sha) is { } time)
        {
            return Rfc3339(time);
        }
        problems.Add($"{sha} is not a commit of this checkout, so the images' created time is unknown: fetch it, " +
            $"or pass --{ArgumentNames.Created}=<RFC 3339 time>.");
        return string.Empty;
    }

    private static string? GitHubRepositoryUrl(BuildContext context) =>
        (context.GitHubRun().ServerUrl.NullIfBlank(), context.GitHubRun().Repository.NullIfBlank())
            is ({ } server, { } repository)
            ? $"{server.TrimEnd('/')}/{repository}"
            : null;

    private static string Rfc3339(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
