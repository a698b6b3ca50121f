namespace Build.Settings;

/// <summary>
/// Read-only questions to git about the checkout. They run directly, not through the host's process runner,
/// because settings are resolved before any task runs and must give real answers under --dryrun too.
/// </summary>
public static class GitRevision
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>The commit checked out, or <c>null</c> when <paramref name="repository"/> is not a git checkout.</summary>
    public static string? Head(string repository) => Ask(repository, "rev-parse", "HEAD");

    /// <summary>The committer time of <paramref name="sha"/> in UTC, or <c>null</c> when it is not a commit here.</summary>
    public static DateTimeOffset? CommitTime(string repository, string sha)
    {
        var text = Ask(repository, "show", "-s", "--format=%cI", sha + "^{commit}");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToUniversalTime() : null;
    }

    /// <summary>The fetch URL of <c>origin</c> as https (<c>git@github.com:o/r.git</c> → <c>https://github.com/o/r</c>), or <c>null</c>.</summary>
    public static string? OriginUrl(string repository)
    {
        var url = Ask(repository, "remote", "get-url", "origin");
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

    private static string? Ask(string repository, params string[] arguments)
    {
        var info = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
            return process.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed: callers report the missing value with their own hint.
            return null;
        }
    }
}
