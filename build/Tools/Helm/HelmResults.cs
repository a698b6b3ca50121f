namespace Build.Tools.Helm;

/// <summary>
/// A release's <c>info.status</c> as helm reports it, plus <see cref="NotFound"/> when there is no such release.
/// </summary>
public enum HelmReleaseStatus
{
    Unknown,
    Deployed,
    Uninstalled,
    Superseded,
    Failed,
    Uninstalling,
    PendingInstall,
    PendingUpgrade,
    PendingRollback,
    NotFound,
}

public sealed record HelmStatusResult(string Release, HelmReleaseStatus Status, int? Revision = null)
{
    /// <summary>
    /// A previous operation was interrupted: a new upgrade would fail with "another operation is in progress".
    /// </summary>
    public bool IsPending => Status is HelmReleaseStatus.PendingInstall or HelmReleaseStatus.PendingUpgrade
        or HelmReleaseStatus.PendingRollback;
}

public sealed record HelmRevision(int Revision, HelmReleaseStatus Status);
