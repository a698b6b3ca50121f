using Build.Tools.Helm;

namespace Build.Deploy;

/// <summary>
/// One deploy from checks to record: preflight (before any side effect), the kubeconfig file, the release guard,
/// the rollout itself, and on <see cref="Dispose"/> the deployment record and the kubeconfig's removal.
/// </summary>
public sealed class DeploySession : IDisposable
{
    private readonly KubeConfigFile _kubeConfig;
    private readonly DeployRun _run;

    private DeploySession(DeployRun run, KubeConfigFile kubeConfig)
    {
        _run = run;
        _kubeConfig = kubeConfig;
    }

    public static DeploySession Start(BuildContext context, DeploySettings settings)
    {
        DeployPreflight.Ensure(context, settings);
        var images = DeployImages.Resolve(settings);
        // Throws now, before any side effect, when the chart cannot express these images.
        images.ChartValues();
        var kubeConfig = KubeConfigFile.Create(context, settings);
        DeployPreflight.CheckCluster(context, settings, kubeConfig.Path);
        context.Information(
            $"{settings.Stage.Name}: release {settings.Release} in namespace {settings.Namespace} " +
            $"({kubeConfig.Source}" +
            $"{(settings.KubeContext is { } name ? $", context {name}" : "")}); images: {images.Backend}, {images.Frontend} — {images.Source}.");
        var record = new DeploymentRecord(context, settings)
        {
            Images = new Dictionary<string, string> { ["backend"] = images.Backend.ToString(), ["frontend"] = images.Frontend.ToString() },
        };
        var cluster = new Cluster(context, settings, kubeConfig.Path);
        return new DeploySession(new DeployRun(context, settings, cluster, new SmokeTests(context, settings), record, images), kubeConfig);
    }

    /// <summary>Checks the cluster and the release (refuses a pending one), then runs <paramref name="rollout"/> with its state before.</summary>
    public void Deploy(Action<DeployRun, HelmStatusResult> rollout)
    {
        var release = _run.Settings.Release;
        _run.Record.Outcome = "failed";
        HelmStatusResult before;
        try
        {
            _run.Record.Step("cluster preflight", () => ClusterPreflight.Ensure(_run));
            before = _run.Record.Step($"helm status {release}", () => ReleaseGuard.EnsureDeployable(_run.Cluster, release));
        }
        catch (DeployException refusal)
        {
            _run.Record.Outcome = "refused";
            _run.Record.Error = refusal.Message;
            throw;
        }
        _run.Record.RevisionBefore = before.Revision;
        if (_run.Context.DryRun)
        {
            FailureDiagnostics.Plan(_run);
        }
        rollout(_run, before);
    }

    public void Dispose()
    {
        try
        {
            _run.Record.Write();
        }
        finally
        {
            _kubeConfig.Dispose();
        }
    }
}
