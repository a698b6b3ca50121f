namespace Build.Tools.Helm;

/// <summary>The state of one release, from <c>helm status -o json</c>.</summary>
public sealed record HelmStatusResult(string Release, HelmReleaseStatus Status, int? Revision = null, string? Namespace = null, string? Error = null)
{
    /// <summary>A previous operation was interrupted: a new upgrade would fail with "another operation is in progress".</summary>
    public bool IsPending => Status is HelmReleaseStatus.PendingInstall or HelmReleaseStatus.PendingUpgrade or HelmReleaseStatus.PendingRollback;
}
