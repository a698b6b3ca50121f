namespace Build.Deploy;

/// <summary>
/// Production's gradual rollout, in the chart's order (its README, "Values the pipeline sets at each step"): at 10 %,
/// 50 %, then 100 % the canary release runs the new images with pods sized by the chart for that weight, then the
/// stable release — which owns the HTTPRoute or Ingress split in both traffic modes — is upgraded with the images it
/// runs now plus <c>canary.live</c> and the weight, so only its traffic objects change. Each step is watched: rollout
/// status, the smoke tests and error-rate probe through the canary header (the weight cannot hide a broken canary),
/// the smoke tests against the weighted traffic, then the canary analysis of its real traffic (Deployment.Analysis). Promotion moves stable to the new images while every request still goes to the
/// canary, then routes back to stable, and only then uninstalls the canary. Any failure puts stable back to the
/// revision it had (when a step had changed it) before the canary is uninstalled, so nothing routes to a removed Service.
/// </summary>
public sealed partial class Deployment
{
    private void RunCanary(HelmStatusResult stable)
    {
        var canary = settings.CanaryRelease;
        var canaryBefore = _record.Step($"helm status {canary}", () => _cluster.Status(canary, HelmReleaseStatus.NotFound));
        if (canaryBefore.Status is HelmReleaseStatus.Failed or HelmReleaseStatus.Superseded)
        {
            // The canary release is this pipeline's own and never the only copy of anything: a failed one is removed.
            context.Warning($"{canary} is '{Cluster.Describe(canaryBefore.Status)}' from an earlier rollout: removing it before this one.");
            _record.Step($"remove failed canary: helm uninstall {canary}", () => _cluster.Uninstall(canary));
            canaryBefore = canaryBefore with { Status = HelmReleaseStatus.NotFound };
        }
        if (EnsureDeployable(canaryBefore).Status == HelmReleaseStatus.Deployed)
        {
            context.Warning($"{canary} is still installed (an interrupted earlier rollout); this rollout takes it over.");
        }
        _cluster.Plan($"on failure: before any weight step changed {stable.Release}, {_cluster.HelmCommand($"uninstall {canary}")}; " +
                     $"after one, first {RestoreCommand(stable)}, then the uninstall");
        var stableImages = _record.Step($"helm get values {stable.Release}", () => _cluster.CurrentImages(stable.Release));
        var newImages = images.ChartValues();
        // Until a weight step upgrades stable, only the canary has changed; from then on any failure rolls stable back first.
        var stableChanged = false;
        try
        {
            foreach (var weight in settings.Bounds.CanaryWeights)
            {
                _record.Step($"canary {weight} %: helm upgrade --install {canary} (pods sized by the chart)", () => _cluster.Upgrade(canary, newImages, CanaryValues(weight)));
                _record.Step($"canary {weight} %: kubectl rollout status", () => _cluster.WaitForRollout(canary));
                stableChanged = true;
                _record.Step($"canary {weight} %: route {weight} % and the header: helm upgrade {stable.Release} (its current images)", () => _cluster.Upgrade(stable.Release, stableImages, RouteValues(weight)));
                _record.Step($"canary {weight} %: {SmokeStep} via {settings.CanaryHeader}", () => RunSmokeTests(settings.CanaryHeader));
                // No probe here: at a 10 % weight a few of its requests reach the canary, which proves nothing (README).
                _record.Step($"canary {weight} %: smoke tests of the weighted traffic", () => RunSmokeTests(probe: false));
                _record.Step($"canary {weight} %: {AnalysisStep}", () => AnalyseStep(weight));
            }
            // Stable pods roll to the new images while every request still goes to the canary.
            _record.Step($"promote: helm upgrade {stable.Release} (new images, traffic still on the canary)", () => _cluster.Upgrade(stable.Release, newImages, RouteValues(100)));
            _record.Step($"promote: route back to {stable.Release}", () => _cluster.Upgrade(stable.Release, newImages));
            _record.Revision = _record.Step($"helm status {stable.Release}", () => _cluster.Status(stable.Release).Revision);
            // Nothing routes to the canary any more: removing it drops no request.
            _record.Step($"remove canary: helm uninstall {canary}", () => _cluster.Uninstall(canary));
            _record.Step($"after promotion: {SmokeStep}", () => RunSmokeTests());
        }
        catch (Exception error)
        {
            var manual = $"`{RestoreCommand(stable)}` (if a weight step had changed {stable.Release}), then `{_cluster.HelmCommand($"uninstall {canary}")}`; " +
                         $"check with `{_cluster.HelmCommand($"history {stable.Release}")}`.";
            throw Fail(error, () => UndoCanary(stable, stableChanged), manual);
        }
        _record.Outcome = "succeeded";
    }

    private static Dictionary<string, string> CanaryValues(int weight) => new()
    {
        [ChartNames.CanaryEnabled] = "true",
        [ChartNames.CanaryWeight] = weight.ToString(CultureInfo.InvariantCulture),
    };

    private Dictionary<string, string> RouteValues(int weight) => new()
    {
        [ChartNames.CanaryLive] = "true",
        [ChartNames.CanaryWeight] = weight.ToString(CultureInfo.InvariantCulture),
        [ChartNames.CanaryHeaderName] = settings.CanaryHeader.Name,
    };

    /// <summary>Stable first: its rollback takes the canary out of the route before the canary's Services go.</summary>
    private IEnumerable<string> UndoCanary(HelmStatusResult stable, bool stableChanged)
    {
        yield return stableChanged
            ? Restore(stable)
            : $"{stable.Release} left at revision {stable.Revision?.ToString(CultureInfo.InvariantCulture) ?? "?"} (never changed)";
        // --atomic already removes a canary whose first install failed.
        var canary = settings.CanaryRelease;
        if (_record.Step($"rollback: helm status {canary}", () => _cluster.Status(canary)).Status == HelmReleaseStatus.NotFound)
        {
            yield return $"{canary} was already gone";
            yield break;
        }
        _record.Step($"rollback: helm uninstall {canary}", () => _cluster.Uninstall(canary));
        yield return $"{canary} uninstalled";
    }
}
