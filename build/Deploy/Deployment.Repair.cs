namespace Build.Deploy;

/// <summary>
/// The rollout's state in the cluster (<see cref="RolloutState"/>) and the repair of a rollout an interrupted run left
/// half done: the route back on a live release first, then the canary removed. Never a <c>helm rollback</c> of stable
/// to a revision that routes to the canary: since the route release, stable's revisions route nowhere.
/// </summary>
public sealed partial class Deployment
{
    private string StateName => RolloutState.ConfigMapName(settings.Release.Name);

    /// <summary>The Repair target: finishes an interrupted rollout if there is one, else says so.</summary>
    public void Repair()
    {
        _record.Outcome = "failed";
        var state = _record.Step($"rollout state: kubectl get configmap {StateName}", LoadState);
        if (state is null)
        {
            context.Information(
                $"No interrupted rollout of {settings.Release.Name} in {settings.Release.Namespace} " +
                $"({StateName} does not exist): nothing to repair.");
            _record.Outcome = "nothing to repair";
            return;
        }
        RunRepair(state);
        _record.Outcome = "repaired";
    }

    /// <summary>
    /// Before a rollout: a state left behind means the last one was interrupted; it is repaired first.
    /// </summary>
    private void RepairIfInterrupted()
    {
        if (_record.Step($"rollout state: kubectl get configmap {StateName}", LoadState) is { } state)
        {
            RunRepair(state);
        }
    }

    private void RunRepair(RolloutState state)
    {
        context.Warning(
            $"An earlier rollout of {state.Sha} into {settings.Release.Name} stopped at '{state.Step}' " +
            $"({state.Weight} %): repairing it: {state.StableRelease} deployed, the route back on it, " +
            $"then {state.CanaryRelease} removed.");
        EnsureLive(state.StableRelease);
        var route = _record.Step($"repair: helm status {state.RouteRelease}",
            () => _repairCluster.Status(state.RouteRelease, HelmReleaseStatus.Deployed));
        if (route.Status != HelmReleaseStatus.NotFound
            && EnsureLive(state.RouteRelease, uninstallIfNeverDeployed: true))
        {
            _record.Step($"repair: route back to {state.StableRelease}: helm upgrade {state.RouteRelease}",
                () => _repairCluster.Upgrade(state.RouteRelease, NoImages, RouteValues(null)));
            var bound = settings.Timeouts.RouteReady < settings.Timeouts.RepairWait
                ? settings.Timeouts.RouteReady
                : settings.Timeouts.RepairWait;
            _record.Step($"repair: {RouteWaitStep}", () => WaitForRoute(canaryLive: false, bound));
        }
        RemoveCanary("repair", _repairCluster);
        _record.Step($"repair: kubectl delete configmap {StateName}", ClearState);
        context.Information($"Repaired: every request goes to {state.StableRelease}; {state.CanaryRelease} is gone.");
    }

    /// <summary>
    /// A release an interrupted helm left pending (or failed) goes back to its last deployed revision: for stable that
    /// is the revision before the rollout or the promoted one, both serving; for the route release one that names only
    /// Services that still exist (the canary is removed after the route is back). A route release that was never
    /// deployed (its handover interrupted) is uninstalled: the route it was adopting carries
    /// <c>helm.sh/resource-policy: keep</c>, which helm's uninstall leaves in place, still routing to stable only.
    /// Returns whether the release is installed afterwards.
    /// </summary>
    private bool EnsureLive(string release, bool uninstallIfNeverDeployed = false)
    {
        var status = _record.Step($"repair: helm status {release}", () => _repairCluster.Status(release));
        if (!status.IsPending && status.Status is not (HelmReleaseStatus.Failed or HelmReleaseStatus.Uninstalling))
        {
            return true;
        }
        var earlier = _repairCluster.History(release)
            .LastOrDefault(entry => entry.Status is HelmReleaseStatus.Deployed or HelmReleaseStatus.Superseded
                && entry.Revision < status.Revision);
        if (earlier is null && uninstallIfNeverDeployed)
        {
            _record.Step($"repair: helm uninstall {release} (never deployed)", () => _repairCluster.Uninstall(release));
            return false;
        }
        if (earlier is null)
        {
            throw new DeployException(
                $"{release} is '{Cluster.Describe(status.Status)}' and has no earlier revision to go back to: " +
                $"inspect `{_repairCluster.HelmCommand($"history {release}")}` and recover it by hand, " +
                "then run the repair again.");
        }
        _record.Step($"repair: helm rollback {release} {earlier.Revision}",
            () => _repairCluster.Rollback(release, earlier.Revision));
        return true;
    }

    private void SaveState(RolloutProgress rollout, string step, int weight)
    {
        var state = new RolloutState(step, weight, settings.Release.Name, rollout.Stable.Revision,
            settings.Release.CanaryName, settings.Release.RouteName, rollout.StableHeldRoute,
            settings.Images.Sha ?? images.Backend.ToString());
        // Beside the deployment record: no secret in it, and the job's artifact shows the last state written.
        var file = new FilePath(Path.Combine(settings.RecordDirectory.FullPath, "rollout-state.json"));
        _record.Step($"rollout state: {step}", () =>
        {
            if (!context.DryRun)
            {
                Directory.CreateDirectory(settings.RecordDirectory.FullPath);
                File.WriteAllText(file.FullPath, state.ToManifest(settings.Release.Namespace) + "\n");
            }
            context.KubectlApplyFile(file, _cluster.Kubectl());
        });
    }

    private RolloutState? LoadState()
    {
        var answer = context.KubectlGetObject(RolloutState.Kind, StateName, _cluster.Kubectl());
        return answer.Succeeded
            ? RolloutState.Parse(answer.Output)
            : throw new DeployException(
                $"Could not read the rollout state ({_cluster.KubectlCommand($"get configmap {StateName}")}): " +
                $"{answer.Error}");
    }

    private void ClearState() => context.KubectlDeleteObject(RolloutState.Kind, StateName, _cluster.Kubectl());
}
