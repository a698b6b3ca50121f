namespace Build.Tools.Helm;

/// <summary>A release's <c>info.status</c> as helm reports it, plus <see cref="NotFound"/> when there is no such release.</summary>
public enum HelmReleaseStatus
{
    [WireName("unknown")] Unknown,
    [WireName("deployed")] Deployed,
    [WireName("uninstalled")] Uninstalled,
    [WireName("superseded")] Superseded,
    [WireName("failed")] Failed,
    [WireName("uninstalling")] Uninstalling,
    [WireName("pending-install")] PendingInstall,
    [WireName("pending-upgrade")] PendingUpgrade,
    [WireName("pending-rollback")] PendingRollback,
    /// <summary>helm answered "release: not found".</summary>
    NotFound,
}
