namespace Build.Containers;

/// <summary>
/// <c>latest</c> only moves forward. Pushes and deploys queue in arrival order, so Push-Images of an older commit can
/// run after a newer one's. Before moving <c>latest</c>, Push-Images reads the commit the registry's <c>latest</c>
/// carries (the <see cref="RevisionLabel"/> Build-Images sets) and moves it only when there is none yet, or when that
/// commit is this push's or one of its ancestors (<see cref="CommitOrders"/>, the deploy's order guard's question).
/// Otherwise it pushes the SHA tag only and says why; the SHA tag is what every deploy uses.
/// </summary>
public static class LatestTag
{
    public const string RevisionLabel = "org.opencontainers.image.revision";

    /// <summary>Whether <paramref name="image"/> may become <c>latest</c>, with the reason logged.</summary>
    public static bool MayMove(BuildContext context, ContainerImage image)
    {
        if (context.DryRun)
        {
            return true;
        }
        var (running, unreadable) = Current(context, image);
        var (move, reason) = unreadable is not null
            ? (false, $"{image.LatestTag} could not be read ({unreadable}), so it is not moved")
            : Decide(image.LatestTag, running, image.Sha,
                (from, to) => CommitOrders.Of(context.RepoRoot.FullPath, from, to));
        if (move)
        {
            context.Information(reason);
        }
        else
        {
            context.Warning($"{reason}; pushed {image.ShaTag} only.");
        }
        return move;
    }

    /// <summary>The decision on the commit latest carries (null: no latest yet) against this push's.</summary>
    public static (bool Move, string Reason) Decide(
        string latestTag, string? running, string sha, Func<string, string, CommitOrder> order)
    {
        if (running is null)
        {
            return (true, $"{latestTag} does not exist yet: it becomes commit {sha}");
        }
        if (!CommitOrders.IsCommitSha(running))
        {
            return (false, $"{latestTag} carries no commit SHA in its {RevisionLabel} label ('{running}'), " +
                           $"so whether {sha} is newer is unknown");
        }
        var pair = $"{latestTag} is commit {running}; this push is commit {sha}";
        return order(running, sha) switch
        {
            CommitOrder.Same => (true, $"{pair} (the same commit)"),
            CommitOrder.Forward => (true, $"{pair}, a descendant: latest moves forward"),
            CommitOrder.NotForward =>
                (false, $"{pair}, which does not descend from it: moving latest would take it back"),
            _ => (false, $"{pair}, and git does not know one of them in this checkout (a shallow clone?): " +
                         "their order is unknown"),
        };
    }

    /// <summary>
    /// The registry's latest, pulled (the engine's local latest tag is put back on this push's image afterwards).
    /// A missing tag or repository is the registry's MANIFEST_UNKNOWN / NAME_UNKNOWN error (OCI distribution-spec error
    /// codes, "manifest unknown", "repository name not known to registry"; read 2026-12-07), which docker prints.
    /// </summary>
    private static (string? Revision, string? Unreadable) Current(BuildContext context, ContainerImage image)
    {
        try
        {
            var pulled = context.DockerPullQuietly(image.LatestTag);
            if (!pulled.Succeeded)
            {
                var error = pulled.Error.Trim();
                return Missing(error) ? (null, null) : (null, error.Split('\n')[0]);
            }
            var label = context.DockerImageLabel(image.LatestTag, RevisionLabel);
            return label.Succeeded ? (label.Output.Trim(), null) : (null, label.Error.Trim());
        }
        finally
        {
            context.DockerTag(image.ShaTag, image.LatestTag);
        }
    }

    private static bool Missing(string error) =>
        new[] { "manifest unknown", "not known to registry", "name unknown" }
            .Any(text => error.Contains(text, StringComparison.OrdinalIgnoreCase));
}
