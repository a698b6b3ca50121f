namespace Build.Deploy;

/// <summary>
/// Production's gradual rollout, in the chart's order (its README, "Values the pipeline sets at each step"). The
/// traffic objects live in their own release, <c>&lt;release&gt;-route</c> (chart value <c>traffic.routeFor</c>), so
/// the stable release is not re-rendered before promotion: at 10 %, 50 %, then 100 % the canary release runs the new
/// images with pods sized for the weight, the route release moves the weight and the canary header, and the step waits
/// until the route is served before its smoke tests (through the header, then the weighted traffic) and the canary
/// analysis of its real traffic (Deployment.Analysis). Promotion moves stable to the new images while every request
/// still goes to the canary, routes back to stable, and only then uninstalls the canary. Each step is written to the
/// rollout's state (<see cref="RolloutState"/>) first, so a run that is interrupted is repaired by the next one. Any
/// failure routes back to stable (restoring stable first when promotion had begun) before the canary is uninstalled, so
/// nothing routes to a removed Service.
/// </summary>
public sealed partial class Deployment
{
    private void RunCanary(HelmStatusResult stable, IReadOnlyDictionary<string, string> stableImages)
    {
        var canary = settings.Release.CanaryName;
        PrepareCanaryRelease(canary);
        var route = _record.Step($"helm status {settings.Release.RouteName}",
            () => EnsureDeployable(_cluster.Status(settings.Release.RouteName, HelmReleaseStatus.NotFound)));
        // Before the first rollout with a route release, stable's revisions hold the route: the undo
        // cannot roll it back.
        var rollout = new RolloutProgress(
            stable, stableImages, StableHeldRoute: route.Status != HelmReleaseStatus.Deployed);
        _cluster.Plan($"on failure: route back to {stable.Release} ({RouteBackCommand}), " +
                     $"then `{_cluster.HelmCommand($"uninstall {canary}")}`; " +
                     $"after promotion began, first {RestoreCommand(stable)}");
        try
        {
            if (rollout.StableHeldRoute)
            {
                SaveState(rollout, "route handover", 0);
                TakeOverRoute();
            }
            foreach (var weight in settings.Timeouts.CanaryWeights)
            {
                RunWeightStep(rollout, weight);
            }
            Promote(rollout);
        }
        catch (Exception error) when (Interrupted)
        {
            throw Interruption(error, rollout);
        }
        catch (Exception error)
        {
            var manual = $"route back to {stable.Release} with `{RouteBackCommand}`, then " +
                         $"(if promotion had begun) `{RestoreCommand(stable)}`, " +
                         $"then `{_cluster.HelmCommand($"uninstall {canary}")}`; " +
                         $"or run `./build.sh --target={TargetNames.RepairProduction}` with the same settings.";
            throw Fail(error, () => UndoCanary(rollout), manual);
        }
        ClearStateAfterSuccess();
        _record.Outcome = "succeeded";
    }

    /// <summary>A failed canary from an earlier rollout is removed; a deployed one is taken over.</summary>
    private void PrepareCanaryRelease(string canary)
    {
        var canaryBefore =
            _record.Step($"helm status {canary}", () => _cluster.Status(canary, HelmReleaseStatus.NotFound));
        if (canaryBefore.Status is HelmReleaseStatus.Failed or HelmReleaseStatus.Superseded)
        {
            // The canary release is this pipeline's own and never the only copy of anything: a failed one is removed.
            context.Warning(
                $"{canary} is '{Cluster.Describe(canaryBefore.Status)}' from an earlier rollout: " +
                "removing it before this one.");
            _record.Step($"remove failed canary: helm uninstall {canary}", () => _cluster.Uninstall(canary));
            canaryBefore = canaryBefore with { Status = HelmReleaseStatus.NotFound };
        }
        if (EnsureDeployable(canaryBefore).Status == HelmReleaseStatus.Deployed)
        {
            context.Warning(
                $"{canary} is still installed (an interrupted earlier rollout); this rollout takes it over.");
        }
    }

    private void RunWeightStep(RolloutProgress rollout, int weight)
    {
        var canary = settings.Release.CanaryName;
        SaveState(rollout, $"canary {weight} %", weight);
        _record.Step($"canary {weight} %: helm upgrade --install {canary} (pods sized by the chart)",
            () => _cluster.Upgrade(canary, images.ChartValues(), CanaryValues(weight)));
        _record.Step($"canary {weight} %: kubectl rollout status", () => _cluster.WaitForRollout(canary));
        rollout.RouteChanged = true;
        _record.Step(
            $"canary {weight} %: route {weight} % and the header: " +
            $"helm upgrade {settings.Release.RouteName} (stable untouched)",
            () => _cluster.Upgrade(settings.Release.RouteName, NoImages, RouteValues(weight)));
        _record.Step($"canary {weight} %: {RouteWaitStep}", () => WaitForRoute(canaryLive: true));
        _record.Step($"canary {weight} %: {SmokeStep} via {settings.Release.CanaryHeader}",
            () => RunSmokeTests(settings.Release.CanaryHeader));
        // No probe here: at a 10 % weight only a few of its requests reach the canary, which proves nothing (README).
        _record.Step($"canary {weight} %: smoke tests of the weighted traffic",
            () => RunSmokeTests(stableBuild: StableBuild(rollout.StableImages), probe: false));
        _record.Step($"canary {weight} %: {AnalysisStep}", () => AnalyseStep(weight));
    }

    /// <summary>
    /// Stable rolls to the new images while every request still goes to the canary, then gets the traffic back.
    /// </summary>
    private void Promote(RolloutProgress rollout)
    {
        var stable = rollout.Stable.Release;
        SaveState(rollout, "promotion", 100);
        rollout.Promoting = true;
        // traffic.enabled=false: the route release holds the traffic objects (helm.sh/resource-policy=keep keeps them
        // when a stable revision from before the route release still lists them).
        _record.Step($"promote: helm upgrade {stable} (new images, traffic still on the canary)",
            () => _cluster.Upgrade(stable, images.ChartValues(), StableValues));
        _record.Step($"promote: route back to {stable}: helm upgrade {settings.Release.RouteName}",
            () => _cluster.Upgrade(settings.Release.RouteName, NoImages, RouteValues(null)));
        _record.Step($"promote: {RouteWaitStep}", () => WaitForRoute(canaryLive: false));
        _record.Revision = _record.Step($"helm status {stable}", () => _cluster.Status(stable).Revision);
        // Nothing routes to the canary any more: removing it drops no request.
        _record.Step($"remove canary: helm uninstall {settings.Release.CanaryName}",
            () => _cluster.Uninstall(settings.Release.CanaryName));
        _record.Step($"after promotion: {SmokeStep}", () => RunSmokeTests());
    }

    /// <summary>
    /// After a rollout that succeeded: a state left behind would only make the next run repair what is fine.
    /// </summary>
    private void ClearStateAfterSuccess()
    {
        try
        {
            _record.Step($"rollout done: kubectl delete configmap {StateName}", ClearState);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            context.Warning(
                $"The rollout succeeded, but its state {StateName} could not be removed ({error.Message}); " +
                "the next deploy finds nothing to repair and removes it.");
        }
    }

    /// <summary>
    /// Stable first when promotion had begun (the route still sends everything to the canary, so its pods can roll back
    /// unseen), then the route back to stable, then the canary's Services go.
    /// </summary>
    private IEnumerable<string> UndoCanary(RolloutProgress rollout)
    {
        var stable = rollout.Stable;
        if (rollout.Promoting)
        {
            yield return rollout.StableHeldRoute ? RestoreWithoutRoute(rollout) : Restore(stable);
        }
        if (rollout.RouteChanged)
        {
            _record.Step($"rollback: route back to {stable.Release}: helm upgrade {settings.Release.RouteName}",
                () => _cluster.Upgrade(settings.Release.RouteName, NoImages, RouteValues(null)));
            _record.Step($"rollback: {RouteWaitStep}", () => WaitForRoute(canaryLive: false));
            yield return $"the route sends every request to {stable.Release} again";
        }
        else
        {
            yield return $"{stable.Release} left at revision " +
                $"{stable.Revision?.ToString(CultureInfo.InvariantCulture) ?? "?"} (never changed)";
        }
        yield return RemoveCanary("rollback");
        _record.Step($"rollback: kubectl delete configmap {StateName}", ClearState);
    }

    /// <summary>
    /// Stable's revision from before the route release lists the route, and helm cannot roll back to it while the route
    /// release owns the object (helm v4.1.4 pkg/kube/client.go: "original object … not found"): the old images go
    /// back as an upgrade instead, still without the route.
    /// </summary>
    private string RestoreWithoutRoute(RolloutProgress rollout)
    {
        var release = rollout.Stable.Release;
        _record.Step($"rollback: helm upgrade {release} (its previous images)",
            () => _cluster.Upgrade(release, rollout.StableImages, StableValues));
        return $"{release} upgraded back to its previous images";
    }

    /// <summary>
    /// Uninstalls the canary unless it is gone already (--atomic removes a canary whose first install failed).
    /// </summary>
    private string RemoveCanary(string phase, Cluster? cluster = null)
    {
        var canary = settings.Release.CanaryName;
        var helm = cluster ?? _cluster;
        if (_record.Step($"{phase}: helm status {canary}", () => helm.Status(canary)).Status
            == HelmReleaseStatus.NotFound)
        {
            return $"{canary} was already gone";
        }
        _record.Step($"{phase}: helm uninstall {canary}", () => helm.Uninstall(canary));
        return $"{canary} uninstalled";
    }

    private static readonly Dictionary<string, string> NoImages = [];

    private static Dictionary<string, string> CanaryValues(int weight) => new()
    {
        [ChartNames.CanaryEnabled] = "true",
        [ChartNames.CanaryWeight] = weight.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// The route release's values: stable's traffic objects, with <paramref name="weight"/> % to the canary (null:
    /// none).
    /// </summary>
    private Dictionary<string, string> RouteValues(int? weight) => weight is { } share
        ? new()
        {
            [ChartNames.RouteFor] = settings.Release.Name,
            [ChartNames.CanaryLive] = "true",
            [ChartNames.CanaryWeight] = share.ToString(CultureInfo.InvariantCulture),
            [ChartNames.CanaryHeaderName] = settings.Release.CanaryHeader.Name,
        }
        : new() { [ChartNames.RouteFor] = settings.Release.Name };

    private static Dictionary<string, string> StableValues => new() { [ChartNames.TrafficEnabled] = "false" };

    private string RouteBackCommand => _cluster.HelmCommand(
        $"upgrade {settings.Release.RouteName} {settings.Chart.Folder.FullPath} " +
        $"-f {settings.Chart.ValuesFile.FullPath} --set {ChartNames.RouteFor}={settings.Release.Name}");

    /// <summary>What the rollout has changed so far: the undo reverts exactly that.</summary>
    private sealed record RolloutProgress(
        HelmStatusResult Stable, IReadOnlyDictionary<string, string> StableImages, bool StableHeldRoute)
    {
        // The route release has sent traffic to the canary.
        public bool RouteChanged { get; set; }

        // The promotion's upgrade of stable has started.
        public bool Promoting { get; set; }
    }
}
