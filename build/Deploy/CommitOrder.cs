namespace Build.Deploy;

/// <summary>How a deploy's commit relates to the one the release runs, as git's history says.</summary>
public enum CommitOrder
{
    /// <summary>The same commit: a re-deploy.</summary>
    Same,

    /// <summary>The running commit is an ancestor of the new one.</summary>
    Forward,

    /// <summary>The running commit is newer than, or diverged from, the new one: deploying would go back.</summary>
    NotForward,

    /// <summary>
    /// git does not know one of the commits here (never pushed to this history, or a shallow checkout).
    /// </summary>
    Unknown,
}

/// <summary><c>git merge-base --is-ancestor</c> between the running and the new commit, in a checkout.</summary>
public static partial class CommitOrders
{
    /// <summary>Exit 0: an ancestor; 1: not; anything else (128: an unknown object): git cannot tell.</summary>
    public static CommitOrder Of(string repository, string running, string next)
    {
        if (string.Equals(running, next, StringComparison.OrdinalIgnoreCase))
        {
            return CommitOrder.Same;
        }
        return GitExitCode(repository, "merge-base", "--is-ancestor", running, next) switch
        {
            0 => CommitOrder.Forward,
            1 => CommitOrder.NotForward,
            _ => CommitOrder.Unknown,
        };
    }

    /// <summary>
    /// A full commit SHA, as the pipeline tags images (and so what a release's image tag says it runs).
    /// </summary>
    public static bool IsCommitSha(string? text) => text is not null && FullSha().IsMatch(text);

    private static int GitExitCode(string repository, params string[] arguments)
    {
        var info = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)
            ?? throw new DeployException("git did not start: the order guard needs git on PATH.");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            return -1;
        }
        return process.ExitCode;
    }

    [GeneratedRegex("^[0-9a-f]{40}$")]
    private static partial Regex FullSha();
}
