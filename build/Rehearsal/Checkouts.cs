using System.Diagnostics;

namespace Build.Rehearsal;

/// <summary>
/// Clean checkouts of one commit, one per job (<c>git worktree add --detach</c>): tracked files only, so no build
/// outputs, no node_modules and no reports of an earlier run can reach a job.
/// </summary>
public sealed class Checkouts(string repository, string folder)
{
    // git keeps every worktree under .git/worktrees and removes that folder with the last one: an add racing a remove
    // (a job's clean-up beside the next job's checkout) fails, so worktree changes of this process take turns.
    private static readonly Lock WorktreeChanges = new();

    /// <summary>Changes a push would not carry: <c>git status --porcelain</c>, empty when the tree is clean.</summary>
    public static IReadOnlyList<string> Uncommitted(string repository) =>
        [.. Git.Run(repository, "status", "--porcelain").Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    public static string Head(string repository) => Git.Run(repository, "rev-parse", "HEAD");

    /// <summary>
    /// A commit of the working tree as it is (tracked changes and untracked files that are not ignored), made with a
    /// private index so neither the branch nor the user's staging area changes.
    /// </summary>
    public static string Snapshot(string repository, string scratch)
    {
        Directory.CreateDirectory(scratch);
        var index = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = Path.Combine(scratch, "snapshot.index") };
        Git.Run(repository, index, "read-tree", "HEAD");
        Git.Run(repository, index, "add", "--all");
        var tree = Git.Run(repository, index, "write-tree");
        var identity = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "rehearsal",
            ["GIT_AUTHOR_EMAIL"] = "rehearsal@localhost",
            ["GIT_COMMITTER_NAME"] = "rehearsal",
            ["GIT_COMMITTER_EMAIL"] = "rehearsal@localhost",
        };
        return Git.Run(repository, identity, "commit-tree", tree, "-p", "HEAD", "-m", "rehearsal snapshot of the working tree");
    }

    /// <summary>Checks out <paramref name="commit"/> into a new folder named after the job.</summary>
    public string Add(string jobId, string commit)
    {
        var path = Path.Combine(folder, jobId);
        lock (WorktreeChanges)
        {
            Git.Run(repository, "worktree", "add", "--detach", "--quiet", path, commit);
        }

        return path;
    }

    /// <summary>Removes a checkout and git's record of it; a leftover folder is removed as well.</summary>
    public void Remove(string path)
    {
        // The files go first, outside the lock (node_modules takes seconds); then git forgets the worktree.
        DeleteFolder(path);
        lock (WorktreeChanges)
        {
            Git.Run(repository, "worktree", "prune");
        }
    }

    internal static void DeleteFolder(string path)
    {
        if (!Directory.Exists(path))
        {
            return;
        }

        // rm handles read-only trees (npm caches, git objects) that Directory.Delete stops at.
        using var rm = Process.Start(new ProcessStartInfo("rm", ["-rf", path]) { UseShellExecute = false });
        rm?.WaitForExit();
    }
}
