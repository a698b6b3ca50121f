using Build.Tools.Helm;

namespace Build.Deploy;

/// <summary>
/// Production's gradual rollout, in the chart's order (its README, "Values the pipeline sets at each step"): at 10 %,
/// 50 %, then 100 % the canary release runs the new images with pods sized by the chart for that weight, then the
/// stable release — which owns the HTTPRoute or Ingress split in both traffic modes — is upgraded with the images it
/// runs now plus <c>canary.live</c> and the weight, so only its traffic objects change. Each step is watched: rollout
/// status, the smoke tests and error-rate probe through the canary header (the weight cannot hide a broken canary),
/// then against the weighted traffic. Promotion moves stable to the new images while every request still goes to the
/// canary, then routes back to stable, and only then uninstalls the canary. Any failure puts stable back to the
/// revision it had (when a step had changed it) before the canary is uninstalled, so nothing routes to a removed Service.
/// </summary>
public static class CanaryRollout
{
    public static void Run(DeployRun run, HelmStatusResult stable)
    {
        var canary = run.Settings.CanaryRelease;
        var canaryBefore = run.Record.Step($"helm status {canary}", () => run.Cluster.Status(canary, HelmReleaseStatus.NotFound));
        if (canaryBefore.Status is HelmReleaseStatus.Failed or HelmReleaseStatus.Superseded)
        {
            // The canary release is this pipeline's own and never the only copy of anything: a failed one is removed.
            run.Context.Warning($"{canary} is '{Cluster.Describe(canaryBefore.Status)}' from an earlier rollout: removing it before this one.");
            run.Record.Step($"remove failed canary: helm uninstall {canary}", () => run.Cluster.Uninstall(canary));
            canaryBefore = canaryBefore with { Status = HelmReleaseStatus.NotFound };
        }
        ReleaseGuard.EnsureDeployable(run.Cluster, canaryBefore);
        if (canaryBefore.Status == HelmReleaseStatus.Deployed)
        {
            run.Context.Warning($"{canary} is still installed (an interrupted earlier rollout); this rollout takes it over.");
        }
        if (run.Context.DryRun)
        {
            run.Context.Information($"[dry-run] on failure: before any weight step changed {stable.Release}, {run.Cluster.HelmCommand($"uninstall {canary}")}; " +
                                    $"after one, first {RestoreStable(run, stable)}, then the uninstall");
        }
        var stableImages = run.Record.Step($"helm get values {stable.Release}", () => CurrentImages.Of(run, stable.Release));
        var newImages = run.Images.ChartValues();
        var phase = Phase.Canary;
        try
        {
            foreach (var weight in run.Settings.CanaryWeights)
            {
                run.Record.Step($"canary {weight} %: helm upgrade --install {canary} (pods sized by the chart)", () => run.Cluster.Upgrade(canary, newImages, CanaryValues(weight)));
                run.Record.Step($"canary {weight} %: kubectl rollout status", () => run.Cluster.WaitForRollout(canary));
                // From here on stable has (or may have) changed: any failure rolls it back first.
                phase = Phase.Routed;
                run.Record.Step($"canary {weight} %: route {weight} % and the header: helm upgrade {stable.Release} (its current images)", () => run.Cluster.Upgrade(stable.Release, stableImages, RouteValues(run, weight)));
                run.Record.Step($"canary {weight} %: {run.Smoke.CanaryName}", () => run.Smoke.Run(run.Settings.CanaryHeader));
                run.Record.Step($"canary {weight} %: {run.Smoke.Name} of the weighted traffic", run.Smoke.Run);
            }
            // Stable pods roll to the new images while every request still goes to the canary.
            run.Record.Step($"promote: helm upgrade {stable.Release} (new images, traffic still on the canary)", () => run.Cluster.Upgrade(stable.Release, newImages, RouteValues(run, 100)));
            run.Record.Step($"promote: route back to {stable.Release}", () => run.Cluster.Upgrade(stable.Release, newImages));
            run.Record.Revision = run.Record.Step($"helm status {stable.Release}", () => run.Cluster.Status(stable.Release).Revision);
            // Nothing routes to the canary any more: removing it drops no request.
            run.Record.Step($"remove canary: helm uninstall {canary}", () => run.Cluster.Uninstall(canary));
            run.Record.Step($"after promotion: {run.Smoke.Name}", run.Smoke.Run);
        }
        catch (Exception error)
        {
            throw Rollback.Fail(run, error, () => Undo(run, stable, phase), ManualRecovery(run, stable));
        }
        run.Record.Outcome = "succeeded";
    }

    /// <summary>The canary release at a weight: the chart derives its pods per component from it.</summary>
    private static Dictionary<string, string> CanaryValues(int weight) => new()
    {
        [ChartNames.CanaryEnabled] = "true",
        [ChartNames.CanaryWeight] = weight.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The stable release routing <paramref name="weight"/> % and every request with the canary header to the canary.</summary>
    private static Dictionary<string, string> RouteValues(DeployRun run, int weight)
    {
        var values = new Dictionary<string, string>
        {
            [ChartNames.CanaryLive] = "true",
            [ChartNames.CanaryWeight] = weight.ToString(CultureInfo.InvariantCulture),
            [ChartNames.CanaryHeaderName] = run.Settings.CanaryHeader.Name,
        };
        if (ChartNames.CanaryHeaderValue is { } valueKey)
        {
            values[valueKey] = run.Settings.CanaryHeader.Value;
        }
        return values;
    }

    private enum Phase
    {
        /// <summary>Only the canary release has changed.</summary>
        Canary,

        /// <summary>A weight step or the promotion has upgraded the stable release: undo rolls it back first.</summary>
        Routed,
    }

    private static IEnumerable<string> Undo(DeployRun run, HelmStatusResult stable, Phase phase)
    {
        var revision = stable.Revision?.ToString(CultureInfo.InvariantCulture) ?? "?";
        // Stable first: its rollback takes the canary out of the route before the canary's Services go.
        yield return phase == Phase.Canary ? $"{stable.Release} left at revision {revision} (never changed)" : Rollback.Restore(run, stable);
        yield return Rollback.RemoveCanary(run);
    }

    private static string RestoreStable(DeployRun run, HelmStatusResult stable) =>
        run.Cluster.HelmCommand($"rollback {stable.Release} {stable.Revision?.ToString(CultureInfo.InvariantCulture) ?? "<previous revision>"}");

    private static string ManualRecovery(DeployRun run, HelmStatusResult stable) =>
        $"`{RestoreStable(run, stable)}` (if a weight step had changed {stable.Release}), then `{run.Cluster.HelmCommand($"uninstall {run.Settings.CanaryRelease}")}`; " +
        $"check with `{run.Cluster.HelmCommand($"history {stable.Release}")}`.";
}
