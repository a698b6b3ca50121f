namespace Build.Deploy;

/// <summary>
/// One deploy from checks to record: the preflight (before any side effect), the kubeconfig, the release guard, the
/// rollout, and on <see cref="Dispose"/> the deployment record and the kubeconfig's removal. Staging and production's
/// first install go in directly: one <c>helm upgrade --install --atomic --wait</c>, then the smoke tests, and the
/// release back to its previous revision (or uninstalled) when they fail. Production's later deploys go through
/// <see cref="CanaryRollout"/>.
/// </summary>
public sealed class Deployment(BuildContext context, DeploySettings settings, DeployImages images, KubeConfigFile kubeConfig) : IDisposable
{
    public BuildContext Context => context;

    public DeploySettings Settings => settings;

    public DeployImages Images => images;

    public Cluster Cluster { get; } = new(context, settings, kubeConfig.Path);

    public SmokeTests Smoke { get; } = new(context, settings);

    public DeploymentRecord Record { get; } = new(context, settings, images);

    public static Deployment Start(BuildContext context, DeploySettings settings)
    {
        DeployPreflight.Ensure(context, settings);
        var images = DeployImages.Resolve(settings);
        // Throws now, before any side effect, when the chart cannot express these images.
        images.ChartValues();
        var kubeConfig = KubeConfigFile.Create(context, settings);
        var deployment = new Deployment(context, settings, images, kubeConfig);
        DeployPreflight.CheckVersionSkew(context, deployment.Cluster);
        context.Information(
            $"{settings.Stage.Name}: release {settings.Release} in namespace {settings.Namespace} ({kubeConfig.Source}" +
            $"{(settings.KubeContext is { } name ? $", context {name}" : "")}); images: {images.Backend}, {images.Frontend} — {images.Source}.");
        return deployment;
    }

    public void Run(bool canary)
    {
        var release = Settings.Release;
        Record.Outcome = "failed";
        HelmStatusResult before;
        try
        {
            Record.Step("cluster preflight", () => ClusterPreflight.Ensure(this));
            before = Record.Step($"helm status {release}", () => EnsureDeployable(Cluster.Status(release)));
        }
        catch (DeployException refusal)
        {
            Record.Outcome = "refused";
            Record.Error = refusal.Message;
            throw;
        }
        Record.RevisionBefore = before.Revision;
        FailureDiagnostics.Plan(this);
        if (canary)
        {
            Record.CanaryRelease = Settings.CanaryRelease;
            if (before.Status == HelmReleaseStatus.Deployed)
            {
                CanaryRollout.Run(this, before);
                return;
            }
            // A canary needs a stable release whose Ingress it splits traffic with; the first install goes in directly.
            Context.Information($"{release} is not installed yet: installing it directly, without a canary.");
        }
        RunDirect(before);
    }

    /// <summary>
    /// The release's state before the deploy touches it: deployed (a revision to roll back to) or not installed. An
    /// interrupted helm run leaves it in <c>pending-*</c>, and every later upgrade then fails with "another operation
    /// is in progress": refuse, and say how to recover.
    /// </summary>
    public HelmStatusResult EnsureDeployable(HelmStatusResult status)
    {
        var release = status.Release;
        var revision = status.Revision?.ToString(CultureInfo.InvariantCulture) ?? "?";
        if (status.IsPending)
        {
            var lastDeployed = Cluster.History(release).LastOrDefault(entry => entry.Status == HelmReleaseStatus.Deployed);
            var recovery = lastDeployed is null
                ? $"nothing was ever deployed, so remove it: `{Cluster.HelmCommand($"uninstall {release}")}`"
                : $"roll back to the last deployed revision: `{Cluster.HelmCommand($"rollback {release} {lastDeployed.Revision}")}`";
            throw new DeployException(
                $"Release {release} is stuck in '{Cluster.Describe(status.Status)}' (revision {revision}): an earlier helm run was interrupted, and no upgrade was attempted. " +
                $"To recover, {recovery}; see `{Cluster.HelmCommand($"history {release}")}` for every revision. Then run the stage again.");
        }
        if (status.Status is HelmReleaseStatus.Deployed or HelmReleaseStatus.NotFound or HelmReleaseStatus.Uninstalled)
        {
            return status;
        }
        throw new DeployException(
            $"Release {release} is '{Cluster.Describe(status.Status)}' (revision {revision}), not deployed: nothing safe to roll back to. " +
            $"Inspect `{Cluster.HelmCommand($"history {release}")}`, roll back to the last good revision " +
            $"(`{Cluster.HelmCommand($"rollback {release} <revision>")}`) or uninstall it, then deploy again.");
    }

    /// <summary>Back to the revision that was deployed before, or uninstalled when the deploy installed it.</summary>
    public string Restore(HelmStatusResult before)
    {
        var release = before.Release;
        if (before.Status == HelmReleaseStatus.Deployed && before.Revision is { } revision)
        {
            Record.Step($"rollback: helm rollback {release} {revision}", () => Cluster.Rollback(release, revision));
            return $"{release} rolled back to revision {revision}";
        }
        Record.Step($"rollback: helm uninstall {release}", () => Cluster.Uninstall(release));
        return $"{release} uninstalled (this deploy had installed it)";
    }

    /// <summary>What <see cref="Restore"/> runs, as a person types it.</summary>
    public string RestoreCommand(HelmStatusResult before) => before.Status == HelmReleaseStatus.Deployed
        ? Cluster.HelmCommand($"rollback {before.Release} {before.Revision?.ToString(CultureInfo.InvariantCulture) ?? "<previous revision>"}")
        : Cluster.HelmCommand($"uninstall {before.Release}");

    /// <summary>Collects diagnostics, runs <paramref name="undo"/> after <paramref name="cause"/> and returns the exception the stage fails with.</summary>
    public DeployException Fail(Exception cause, Func<IEnumerable<string>> undo, string manualRecovery)
    {
        var stage = Settings.Stage.Name;
        var step = Record.FailedStep ?? "the deploy";
        Context.Error($"{stage}: {step} failed; rolling back.");
        FailureDiagnostics.Collect(this);
        try
        {
            var undone = undo().ToList();
            Record.Outcome = "rolled back";
            Record.Error = cause.Message;
            return new DeployException($"{stage} failed at '{step}': {cause.Message}\nRolled back: {string.Join("; ", undone)}.", cause);
        }
        catch (Exception rollbackError)
        {
            Record.Outcome = "failed, rollback failed";
            Record.Error = $"{cause.Message} / rollback: {rollbackError.Message}";
            // Logged as well: an interrupted run reports only "Interrupted.", and this is what the person needs next.
            Context.Error($"{stage}: the rollback failed ({rollbackError.Message}). Recover by hand: {manualRecovery}");
            return new DeployException(
                $"{stage} failed at '{step}': {cause.Message}\nThe rollback failed too: {rollbackError.Message}\nRecover by hand: {manualRecovery}", cause);
        }
    }

    public void Dispose()
    {
        try
        {
            Record.Write();
        }
        finally
        {
            kubeConfig.Dispose();
        }
    }

    private void RunDirect(HelmStatusResult before)
    {
        var release = Settings.Release;
        Cluster.Plan($"if the smoke tests fail: {RestoreCommand(before)}");
        try
        {
            Record.Step($"helm upgrade --install {release}", () => Cluster.Upgrade(release, Images.ChartValues()));
        }
        catch (Exception error) when (error is not DeployException)
        {
            // --atomic has already put the release back (or removed a failed first install); the events stay.
            FailureDiagnostics.Collect(this);
            Record.Outcome = "failed, restored by helm --atomic";
            Record.Error = error.Message;
            throw new DeployException($"{Settings.Stage.Name}: helm upgrade of {release} failed and --atomic restored its previous state. {error.Message}", error);
        }
        try
        {
            Record.Revision = Record.Step($"helm status {release}", () => Cluster.Status(release).Revision);
            Record.Step(Smoke.Name, Smoke.Run);
        }
        catch (Exception error)
        {
            throw Fail(error, () => [Restore(before)], RestoreCommand(before));
        }
        Record.Outcome = "succeeded";
    }
}
