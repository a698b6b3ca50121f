namespace Build.Deploy;

/// <summary>
/// One deploy from checks to record: the preflight (before any side effect), the kubeconfig, the release guard, the
/// rollout, and on <see cref="Dispose"/> the deployment record and the kubeconfig's removal. Staging and production's
/// first install go in directly: one <c>helm upgrade --install --atomic --wait</c>, then the smoke tests, and the
/// release back to its previous revision (or uninstalled) when they fail. Production's later deploys go through the
/// canary rollout, after repairing one an interrupted run left half done. Each part is a file of this class: Canary,
/// ClusterPreflight, Diagnostics, Interruption, Repair, Route, SmokeTests.
/// </summary>
public sealed partial class Deployment(
    BuildContext context, DeploySettings settings, DeployImages images, KubeConfigFile kubeConfig) : IDisposable
{
    private readonly Cluster _cluster = new(context, settings, kubeConfig.Path);

    // The repair's helm calls wait at most RepairWait each: it must fit in a cancelled job's last 5 minutes.
    private readonly Cluster _repairCluster = new(
        context,
        settings with { Timeouts = settings.Timeouts with { HelmWait = settings.Timeouts.RepairWait } },
        kubeConfig.Path);
    private readonly DeploymentRecord _record = new(context, settings, images);

    public static Deployment Start(BuildContext context, DeploySettings settings)
    {
        DeployPreflight.Ensure(context, settings);
        var images = DeployImages.Resolve(settings.Images);
        var kubeConfig = KubeConfigFile.Create(context, settings);
        context.Information(
            $"{settings.Stage.Name}: release {settings.Release.Name} in namespace {settings.Release.Namespace} " +
            $"({kubeConfig.Source}{(settings.Cluster.KubeContext is { } name ? $", context {name}" : "")}); " +
            $"images: {images.Backend}, {images.Frontend} — {images.Source}.");
        return new Deployment(context, settings, images, kubeConfig);
    }

    public void Run(bool canary)
    {
        var release = settings.Release.Name;
        _record.Outcome = "failed";
        HelmStatusResult before;
        IReadOnlyDictionary<string, string> currentImages;
        try
        {
            _record.Step("cluster preflight", EnsureCluster);
            if (canary)
            {
                RepairIfInterrupted();
            }
            before = _record.Step($"helm status {release}", () => EnsureDeployable(_cluster.Status(release)));
            currentImages = EnsureNotOlder(before);
        }
        catch (DeployException refusal)
        {
            _record.Outcome = "refused";
            _record.Error = refusal.Message;
            throw;
        }
        _record.RevisionBefore = before.Revision;
        PlanDiagnostics();
        if (canary)
        {
            _record.CanaryRelease = settings.Release.CanaryName;
            if (before.Status == HelmReleaseStatus.Deployed)
            {
                RunCanary(before, currentImages);
                return;
            }
            // A canary needs a stable release whose Ingress it splits traffic with; the first install goes in directly.
            context.Information($"{release} is not installed yet: installing it directly, without a canary.");
        }
        RunDirect(before);
    }

    public void Dispose()
    {
        try
        {
            _record.Write();
        }
        finally
        {
            kubeConfig.Dispose();
        }
    }

    /// <summary>
    /// The release's state before the deploy touches it: deployed (a revision to roll back to) or not installed. An
    /// interrupted helm run leaves it in <c>pending-*</c>, and every later upgrade then fails with "another operation
    /// is in progress": refuse, and say how to recover.
    /// </summary>
    private HelmStatusResult EnsureDeployable(HelmStatusResult status)
    {
        var release = status.Release;
        var revision = status.Revision?.ToString(CultureInfo.InvariantCulture) ?? "?";
        if (status.IsPending)
        {
            var lastDeployed = _cluster.History(release)
                .LastOrDefault(entry => entry.Status == HelmReleaseStatus.Deployed);
            var recovery = lastDeployed is null
                ? $"nothing was ever deployed, so remove it: `{_cluster.HelmCommand($"uninstall {release}")}`"
                : "roll back to the last deployed revision: " +
                  $"`{_cluster.HelmCommand($"rollback {release} {lastDeployed.Revision}")}`";
            throw new DeployException(
                $"Release {release} is stuck in '{Cluster.Describe(status.Status)}' (revision {revision}): " +
                "an earlier helm run was interrupted, and no upgrade was attempted. " +
                $"To recover, {recovery}; see `{_cluster.HelmCommand($"history {release}")}` for every revision. " +
                "Then run the stage again.");
        }
        if (status.Status is HelmReleaseStatus.Deployed or HelmReleaseStatus.NotFound or HelmReleaseStatus.Uninstalled)
        {
            return status;
        }
        throw new DeployException(
            $"Release {release} is '{Cluster.Describe(status.Status)}' (revision {revision}), not deployed: " +
            "nothing safe to roll back to. " +
            $"Inspect `{_cluster.HelmCommand($"history {release}")}`, roll back to the last good revision " +
            $"(`{_cluster.HelmCommand($"rollback {release} <revision>")}`) or uninstall it, then deploy again.");
    }

    /// <summary>Back to the revision that was deployed before, or uninstalled when the deploy installed it.</summary>
    private string Restore(HelmStatusResult before)
    {
        var release = before.Release;
        if (before.Status == HelmReleaseStatus.Deployed && before.Revision is { } revision)
        {
            _record.Step($"rollback: helm rollback {release} {revision}", () => _cluster.Rollback(release, revision));
            return $"{release} rolled back to revision {revision}";
        }
        _record.Step($"rollback: helm uninstall {release}", () => _cluster.Uninstall(release));
        return $"{release} uninstalled (this deploy had installed it)";
    }

    /// <summary>What <see cref="Restore"/> runs, as a person types it.</summary>
    private string RestoreCommand(HelmStatusResult before) => before.Status == HelmReleaseStatus.Deployed
        ? _cluster.HelmCommand(
            $"rollback {before.Release} " +
            $"{before.Revision?.ToString(CultureInfo.InvariantCulture) ?? "<previous revision>"}")
        : _cluster.HelmCommand($"uninstall {before.Release}");

    /// <summary>
    /// Collects diagnostics, runs <paramref name="undo"/> after <paramref name="cause"/> and returns the exception the
    /// stage fails with.
    /// </summary>
    private DeployException Fail(Exception cause, Func<IEnumerable<string>> undo, string manualRecovery)
    {
        var stage = settings.Stage.Name;
        var step = _record.FailedStep ?? "the deploy";
        context.Error($"{stage}: {step} failed; rolling back.");
        CollectDiagnostics();
        try
        {
            var undone = undo().ToList();
            _record.Outcome = "rolled back";
            _record.Error = cause.Message;
            return new DeployException(
                $"{stage} failed at '{step}': {cause.Message}\nRolled back: {string.Join("; ", undone)}.", cause);
        }
        catch (Exception rollbackError)
        {
            _record.Outcome = "failed, rollback failed";
            _record.Error = $"{cause.Message} / rollback: {rollbackError.Message}";
            // Logged as well: an interrupted run reports only "Interrupted.", and this is what the person needs next.
            context.Error($"{stage}: the rollback failed ({rollbackError.Message}). Recover by hand: {manualRecovery}");
            return new DeployException(
                $"{stage} failed at '{step}': {cause.Message}\n" +
                $"The rollback failed too: {rollbackError.Message}\nRecover by hand: {manualRecovery}", cause);
        }
    }

    private void RunDirect(HelmStatusResult before)
    {
        var release = settings.Release.Name;
        _cluster.Plan($"if the smoke tests fail: {RestoreCommand(before)}");
        try
        {
            _record.Step($"helm upgrade --install {release}", () => _cluster.Upgrade(release, images.ChartValues()));
        }
        catch (Exception error) when (error is not DeployException)
        {
            // --atomic has already put the release back (or removed a failed first install); the events stay.
            CollectDiagnostics();
            _record.Outcome = "failed, restored by helm --atomic";
            _record.Error = error.Message;
            throw new DeployException(
                $"{settings.Stage.Name}: helm upgrade of {release} failed and --atomic restored its previous state. " +
                $"{error.Message}", error);
        }
        try
        {
            _record.Revision = _record.Step($"helm status {release}", () => _cluster.Status(release).Revision);
            _record.Step(SmokeStep, () => RunSmokeTests());
        }
        catch (Exception error)
        {
            throw Fail(error, () => [Restore(before)], RestoreCommand(before));
        }
        _record.Outcome = "succeeded";
    }
}
