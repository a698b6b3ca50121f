using Build.Tools.Helm;

namespace Build.Deploy;

/// <summary>
/// Checks a release before a deploy touches it. An interrupted helm run leaves it in <c>pending-*</c>, and every
/// later upgrade then fails with "another operation is in progress": refuse, and say how to recover.
/// </summary>
public static class ReleaseGuard
{
    /// <summary>The release's state before the deploy: deployed (a revision to roll back to) or not installed.</summary>
    public static HelmStatusResult EnsureDeployable(Cluster cluster, string release, HelmReleaseStatus assumedInDryRun = HelmReleaseStatus.Deployed) =>
        EnsureDeployable(cluster, cluster.Status(release, assumedInDryRun));

    /// <summary>The same check for a status already read.</summary>
    public static HelmStatusResult EnsureDeployable(Cluster cluster, HelmStatusResult status)
    {
        var release = status.Release;
        if (status.IsPending)
        {
            throw new DeployException(PendingMessage(cluster, status));
        }
        if (status.Status is HelmReleaseStatus.Deployed or HelmReleaseStatus.NotFound or HelmReleaseStatus.Uninstalled)
        {
            return status;
        }
        throw new DeployException(
            $"Release {release} is '{Cluster.Describe(status.Status)}' (revision {status.Revision?.ToString() ?? "?"}), not deployed: nothing safe to roll back to. " +
            $"Inspect `{cluster.HelmCommand($"history {release}")}`, roll back to the last good revision " +
            $"(`{cluster.HelmCommand($"rollback {release} <revision>")}`) or uninstall it, then deploy again.");
    }

    private static string PendingMessage(Cluster cluster, HelmStatusResult status)
    {
        var release = status.Release;
        var lastDeployed = cluster.History(release).LastOrDefault(revision => revision.Status == HelmReleaseStatus.Deployed);
        var recovery = lastDeployed is null
            ? $"nothing was ever deployed, so remove it: `{cluster.HelmCommand($"uninstall {release}")}`"
            : $"roll back to the last deployed revision: `{cluster.HelmCommand($"rollback {release} {lastDeployed.Revision}")}`";
        return $"Release {release} is stuck in '{Cluster.Describe(status.Status)}' (revision {status.Revision?.ToString() ?? "?"}): " +
               "an earlier helm run was interrupted, and no upgrade was attempted. " +
               $"To recover, {recovery}; see `{cluster.HelmCommand($"history {release}")}` for every revision. Then run the stage again.";
    }
}
