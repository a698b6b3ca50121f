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
    public static void Run(Deployment run, HelmStatusResult stable)
    {
        var (cluster, record, smoke, settings) = (run.Cluster, run.Record, run.Smoke, run.Settings);
        var canary = settings.CanaryRelease;
        var canaryBefore = record.Step($"helm status {canary}", () => cluster.Status(canary, HelmReleaseStatus.NotFound));
        if (canaryBefore.Status is HelmReleaseStatus.Failed or HelmReleaseStatus.Superseded)
        {
            // The canary release is this pipeline's own and never the only copy of anything: a failed one is removed.
            run.Context.Warning($"{canary} is '{Cluster.Describe(canaryBefore.Status)}' from an earlier rollout: removing it before this one.");
            record.Step($"remove failed canary: helm uninstall {canary}", () => cluster.Uninstall(canary));
            canaryBefore = canaryBefore with { Status = HelmReleaseStatus.NotFound };
        }
        if (run.EnsureDeployable(canaryBefore).Status == HelmReleaseStatus.Deployed)
        {
            run.Context.Warning($"{canary} is still installed (an interrupted earlier rollout); this rollout takes it over.");
        }
        cluster.Plan($"on failure: before any weight step changed {stable.Release}, {cluster.HelmCommand($"uninstall {canary}")}; " +
                     $"after one, first {run.RestoreCommand(stable)}, then the uninstall");
        var stableImages = record.Step($"helm get values {stable.Release}", () => cluster.CurrentImages(stable.Release));
        var newImages = run.Images.ChartValues();
        // Until a weight step upgrades stable, only the canary has changed; from then on any failure rolls stable back first.
        var stableChanged = false;
        try
        {
            foreach (var weight in settings.Bounds.CanaryWeights)
            {
                record.Step($"canary {weight} %: helm upgrade --install {canary} (pods sized by the chart)", () => cluster.Upgrade(canary, newImages, CanaryValues(weight)));
                record.Step($"canary {weight} %: kubectl rollout status", () => cluster.WaitForRollout(canary));
                stableChanged = true;
                record.Step($"canary {weight} %: route {weight} % and the header: helm upgrade {stable.Release} (its current images)", () => cluster.Upgrade(stable.Release, stableImages, RouteValues(settings, weight)));
                record.Step($"canary {weight} %: {smoke.CanaryName}", () => smoke.Run(settings.CanaryHeader));
                record.Step($"canary {weight} %: {smoke.Name} of the weighted traffic", smoke.Run);
            }
            // Stable pods roll to the new images while every request still goes to the canary.
            record.Step($"promote: helm upgrade {stable.Release} (new images, traffic still on the canary)", () => cluster.Upgrade(stable.Release, newImages, RouteValues(settings, 100)));
            record.Step($"promote: route back to {stable.Release}", () => cluster.Upgrade(stable.Release, newImages));
            record.Revision = record.Step($"helm status {stable.Release}", () => cluster.Status(stable.Release).Revision);
            // Nothing routes to the canary any more: removing it drops no request.
            record.Step($"remove canary: helm uninstall {canary}", () => cluster.Uninstall(canary));
            record.Step($"after promotion: {smoke.Name}", smoke.Run);
        }
        catch (Exception error)
        {
            var manual = $"`{run.RestoreCommand(stable)}` (if a weight step had changed {stable.Release}), then `{cluster.HelmCommand($"uninstall {canary}")}`; " +
                         $"check with `{cluster.HelmCommand($"history {stable.Release}")}`.";
            throw run.Fail(error, () => Undo(run, stable, stableChanged), manual);
        }
        record.Outcome = "succeeded";
    }

    private static Dictionary<string, string> CanaryValues(int weight) => new()
    {
        [ChartNames.CanaryEnabled] = "true",
        [ChartNames.CanaryWeight] = weight.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> RouteValues(DeploySettings settings, int weight) => new()
    {
        [ChartNames.CanaryLive] = "true",
        [ChartNames.CanaryWeight] = weight.ToString(CultureInfo.InvariantCulture),
        [ChartNames.CanaryHeaderName] = settings.CanaryHeader.Name,
    };

    /// <summary>Stable first: its rollback takes the canary out of the route before the canary's Services go.</summary>
    private static IEnumerable<string> Undo(Deployment run, HelmStatusResult stable, bool stableChanged)
    {
        yield return stableChanged
            ? run.Restore(stable)
            : $"{stable.Release} left at revision {stable.Revision?.ToString(CultureInfo.InvariantCulture) ?? "?"} (never changed)";
        // --atomic already removes a canary whose first install failed.
        var canary = run.Settings.CanaryRelease;
        if (run.Record.Step($"rollback: helm status {canary}", () => run.Cluster.Status(canary)).Status == HelmReleaseStatus.NotFound)
        {
            yield return $"{canary} was already gone";
            yield break;
        }
        run.Record.Step($"rollback: helm uninstall {canary}", () => run.Cluster.Uninstall(canary));
        yield return $"{canary} uninstalled";
    }
}
