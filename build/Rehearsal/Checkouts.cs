namespace Build.Rehearsal;

/// <summary>
/// Clean checkouts of one commit, one per job (<c>git worktree add --detach</c>): tracked files only, so no build
/// outputs, no node_modules and no reports of an earlier run can reach a job.
/// </summary>
internal static class Checkouts
{
    // git keeps every worktree under .git/worktrees and removes that folder with the last one: an add racing a remove
    // (a job's clean-up beside the next job's checkout) fails, so worktree changes of this process take turns.
    private static readonly Lock WorktreeChanges = new();

    /// <summary>The commit checked out; a repository without one fails the rehearsal with git's words.</summary>
    public static string Head(string repository) => Git(repository, null, "rev-parse", "HEAD");

    /// <summary>Changes a push would not carry: the lines of <c>git status --porcelain</c>.</summary>
    public static int Uncommitted(string repository) =>
        Git(repository, null, "status", "--porcelain").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// A commit of the working tree as it is (tracked changes and untracked files that are not ignored), made with a
    /// private index so neither the branch nor the user's staging area changes.
    /// </summary>
    public static string Snapshot(string repository, string scratch)
    {
        Directory.CreateDirectory(scratch);
        var index = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = Path.Combine(scratch, "snapshot.index") };
        Git(repository, index, "read-tree", "HEAD");
        Git(repository, index, "add", "--all");
        var tree = Git(repository, index, "write-tree");
        return Git(repository, null, "-c", "user.name=rehearsal", "-c", "user.email=rehearsal@localhost",
            "commit-tree", tree, "-p", "HEAD", "-m", "rehearsal snapshot of the working tree");
    }

    public static void Add(string repository, string path, string commit)
    {
        lock (WorktreeChanges)
        {
            Git(repository, null, "worktree", "add", "--detach", "--quiet", path, commit);
        }
    }

    public static void Remove(string repository, string path)
    {
        // The files go first, outside the lock (node_modules takes seconds); then git forgets the worktree.
        Processes.Delete(path);
        lock (WorktreeChanges)
        {
            Git(repository, null, "worktree", "prune");
        }
    }

    // Run directly, not through a tool alias: the answers are needed before any job starts.
    private static string Git(string repository, IReadOnlyDictionary<string, string>? environment,
        params string[] arguments) =>
        Processes.RunAsync(Processes.Info("git", arguments, repository, environment),
            $"git {string.Join(' ', arguments)} failed in {repository}")
            .GetAwaiter().GetResult();
}
