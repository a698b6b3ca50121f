using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Git;

/// <summary>
/// Read-only questions to git about a checkout, through the host's runner. They are silent probes, which a dry run
/// also starts (<see cref="DryRunProcessRunner"/>), because settings are resolved before any task runs and must give
/// real answers under --dryrun too. Every answer is null when git is missing, fails or times out.
/// </summary>
[CakeAliasCategory("Git")]
public static class GitAliases
{
    private static readonly ToolInvocation Probe = new()
    {
        CaptureOutput = true,
        CaptureError = true,
        ThrowOnNonZeroExit = false,
        Silent = true,
    };

    /// <summary>
    /// The commit checked out, or <c>null</c> when <paramref name="repository"/> is not a git checkout.
    /// </summary>
    [CakeMethodAlias]
    public static string? GitHead(this ICakeContext context, DirectoryPath repository) =>
        Ask(context, repository, Command("rev-parse", "HEAD"));

    /// <summary>
    /// The committer time of <paramref name="sha"/> in UTC, or <c>null</c> when it is not a commit here.
    /// </summary>
    [CakeMethodAlias]
    public static DateTimeOffset? GitCommitTime(this ICakeContext context, DirectoryPath repository, string sha)
    {
        var text = Ask(context, repository, Command("show", "-s", "--format=%cI").AppendValue(sha + "^{commit}"));
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToUniversalTime()
            : null;
    }

    /// <summary>
    /// The fetch URL of <c>origin</c> as https (<c>git@github.com:o/r.git</c> → <c>https://github.com/o/r</c>),
    /// or <c>null</c>.
    /// </summary>
    [CakeMethodAlias]
    public static string? GitOriginUrl(this ICakeContext context, DirectoryPath repository)
    {
        var url = Ask(context, repository, Command("remote", "get-url", "origin"));
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }
        if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':') is var colon and > 4)
        {
            url = $"https://{url[4..colon]}/{url[(colon + 1)..]}";
        }
        return url.EndsWith(".git", StringComparison.Ordinal) ? url[..^4] : url;
    }

    private static string? Ask(ICakeContext context, DirectoryPath repository, ProcessArgumentBuilder arguments)
    {
        var settings = new GitSettings { WorkingDirectory = repository };
        var git = GitSettings.Spec.For(context);
        if (!git.IsAvailable(settings))
        {
            // Callers report the missing value with their own hint.
            return null;
        }
        try
        {
            var result = git.Run(settings, arguments, Probe);
            return result.Succeeded ? result.Output.Trim() : null;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
