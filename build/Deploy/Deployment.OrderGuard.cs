namespace Build.Deploy;

/// <summary>
/// Deploy jobs queue in arrival order (one concurrency group that never cancels), so a run of an older commit can
/// start after a newer one has deployed. The guard reads the commit the release runs — its backend image tag: the
/// pipeline deploys every image by the full commit SHA — and refuses unless that commit is an ancestor of this
/// deploy's (<c>git merge-base --is-ancestor</c>), naming both; <c>--allow-downgrade</c> deploys a deliberate one.
/// The generated deploy jobs check out the whole history (fetch-depth 0), so a commit git does not know was never part
/// of it: the guard cannot judge that case and says so. The values it reads are stable's current images, which the
/// canary rollout keeps for its undo (read once).
/// </summary>
public sealed partial class Deployment
{
    /// <summary>
    /// Refuses an older commit; returns the release's current images (empty when it is not deployed).
    /// </summary>
    private IReadOnlyDictionary<string, string> EnsureNotOlder(HelmStatusResult stable)
    {
        if (stable.Status != HelmReleaseStatus.Deployed)
        {
            return new Dictionary<string, string>();
        }
        var release = stable.Release;
        var current = _record.Step($"helm get values {release}", () => _cluster.CurrentImages(release));
        Judge(release, current.GetValueOrDefault("backend.image.tag"), images.Backend.Tag);
        return current;
    }

    private void Judge(string release, string? running, string next)
    {
        if (!CommitOrders.IsCommitSha(running) || !CommitOrders.IsCommitSha(next))
        {
            context.Information(
                $"Order guard: {release} runs image tag '{running ?? "(unknown)"}' and this deploy {next}; " +
                "not both commit SHAs, so their order is not judged.");
            return;
        }
        var order = CommitOrders.Of(context.RepoRoot.FullPath, running!, next);
        var pair = $"{release} runs commit {running}; this deploy is commit {next}";
        switch (order)
        {
            case CommitOrder.Same or CommitOrder.Forward:
                context.Information(
                    $"Order guard: {pair} ({(order == CommitOrder.Same ? "the same commit" : "a descendant")}).");
                return;
            case CommitOrder.Unknown:
                context.Warning(
                    $"Order guard: {pair}, and git does not know one of them in this checkout " +
                    "(not in its history, or a shallow clone): their order is not judged.");
                return;
            case CommitOrder.NotForward when settings.Release.AllowDowngrade:
                context.Warning(
                    $"Order guard: {pair}, which does not descend from it; " +
                    $"deploying anyway (--{ArgumentNames.AllowDowngrade}).");
                return;
            default:
                throw new DeployException(
                    $"Order guard: {pair}, which is not a descendant of it: " +
                    "deploying would replace newer (or diverged) code — deploy jobs queue in arrival order, " +
                    "so an older run can start after a newer one. Nothing was changed. " +
                    $"To deploy {next} deliberately, run again with --{ArgumentNames.AllowDowngrade}.");
        }
    }
}
