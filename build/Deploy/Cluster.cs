using Build.Tools.Helm;
using Build.Tools.Kubectl;
using Cake.Core.IO;

namespace Build.Deploy;

/// <summary>The helm and kubectl calls of a deploy, all against one namespace, context and kubeconfig.</summary>
public sealed class Cluster(BuildContext context, DeploySettings settings, FilePath? kubeConfig)
{
    private int? _helmMajorVersion;

    public string Namespace => settings.Namespace;

    public BuildContext Context => context;

    /// <summary>
    /// <c>helm status -o json</c>. A dry run prints the command and gets no answer, so it goes on as if the release
    /// were <paramref name="assumedInDryRun"/> and says so.
    /// </summary>
    public HelmStatusResult Status(string release, HelmReleaseStatus assumedInDryRun = HelmReleaseStatus.Deployed)
    {
        try
        {
            return context.HelmStatus(release, Target);
        }
        catch (FormatException) when (context.DryRun)
        {
            context.Information($"[dry-run] assuming release {release} is {Describe(assumedInDryRun)}");
            return new HelmStatusResult(release, assumedInDryRun);
        }
    }

    public IReadOnlyList<HelmRevision> History(string release)
    {
        try
        {
            return context.HelmHistory(release, Target);
        }
        catch (FormatException) when (context.DryRun)
        {
            return [];
        }
    }

    /// <summary>
    /// <c>helm upgrade --install … --wait --rollback-on-failure --timeout</c> (helm 3: <c>--atomic</c>) with the
    /// environment's values file and the image values (<see cref="DeployImages.ChartValues"/> or a release's current ones).
    /// </summary>
    public void Upgrade(string release, IReadOnlyDictionary<string, string> images, IReadOnlyDictionary<string, string>? values = null)
    {
        var upgrade = new HelmUpgradeSettings
        {
            Namespace = settings.Namespace,
            KubeContext = settings.KubeContext,
            KubeConfig = kubeConfig,
            Release = release,
            Chart = settings.Chart.FullPath,
            ValuesFiles = [settings.ValuesFile, .. settings.ExtraValuesFiles],
            // A person's --set wins over what the pipeline sets, as a later --set does in helm.
            SetValues = Merge(Merge(PullSecret, values ?? new Dictionary<string, string>()), settings.ExtraSetValues),
            Wait = true,
            Atomic = true,
            HelmMajorVersion = HelmMajorVersion,
            Timeout = settings.Timeout,
        };
        context.HelmUpgrade(upgrade.WithStringValues(images));
    }

    /// <summary>
    /// <c>helm get values -o json</c> of a release; null in a dry run, which gets no answer. A failure throws (helm's
    /// message): without these values a weight step would put the chart's default images on the stable pods.
    /// </summary>
    public string? UserValues(string release)
    {
        var json = context.HelmUserValues(release, Target).Output;
        return json.Trim().Length == 0 && context.DryRun ? null : json;
    }

    public void Rollback(string release, int revision) => context.HelmRollback(new HelmRollbackSettings
    {
        Namespace = settings.Namespace,
        KubeContext = settings.KubeContext,
        KubeConfig = kubeConfig,
        Release = release,
        Revision = revision,
        Wait = true,
        Timeout = settings.Timeout,
    });

    public void Uninstall(string release) => context.HelmUninstall(new HelmUninstallSettings
    {
        Namespace = settings.Namespace,
        KubeContext = settings.KubeContext,
        KubeConfig = kubeConfig,
        Release = release,
        Wait = true,
        Timeout = settings.Timeout,
    });

    /// <summary><c>kubectl rollout status</c> of every Deployment the chart renders for <paramref name="release"/>.</summary>
    public void WaitForRollout(string release)
    {
        foreach (var component in ChartNames.Components)
        {
            context.KubectlRolloutStatus(new KubectlRolloutStatusSettings
            {
                Resource = KubeResource.Deployment(ChartNames.Deployment(release, component)),
                Timeout = settings.Bounds.RolloutWait,
                Namespace = settings.Namespace,
                KubeContext = settings.KubeContext,
                KubeConfig = kubeConfig,
            });
        }
    }

    /// <summary>
    /// Settings of a quick kubectl call against the deploy's namespace and context: stopped after
    /// <paramref name="limit"/> (the definition's ClusterCall bound, or what is left of a preflight/diagnostics budget).
    /// </summary>
    public KubectlSettings Kubectl(TimeSpan? limit = null, bool namespaced = true) => new()
    {
        Namespace = namespaced ? settings.Namespace : null,
        KubeContext = settings.KubeContext,
        KubeConfig = kubeConfig,
        ToolTimeout = limit ?? settings.Bounds.ClusterCall,
    };

    /// <summary>The kubectl command a person runs by hand, for hints.</summary>
    public string KubectlCommand(string command, bool namespaced = true) =>
        $"kubectl {command}{(namespaced ? $" -n {settings.Namespace}" : "")}{(settings.KubeContext is { } name ? $" --context {name}" : "")}";

    /// <summary>The command a person runs by hand, for recovery hints.</summary>
    public string HelmCommand(string command) =>
        $"helm {command} -n {settings.Namespace}{(settings.KubeContext is { } name ? $" --kube-context {name}" : "")}";

    /// <summary>helm's word for a status; "not installed" for a release helm does not know.</summary>
    public static string Describe(HelmReleaseStatus status) => status == HelmReleaseStatus.NotFound ? "not installed" : status.ToWire();

    /// <summary>
    /// Asked once per deploy; a dry run assumes the pinned helm (the definition's DeployTools). A helm that does not say
    /// gets --atomic, which helm 3 and 4 both accept.
    /// </summary>
    private int HelmMajorVersion => _helmMajorVersion ??= context.DryRun
        ? int.Parse(SovdPipeline.DeployTools.Helm.TrimStart('v').Split('.')[0], System.Globalization.CultureInfo.InvariantCulture)
        : context.HelmMajorVersion() ?? 3;

    private HelmSettings Target => new()
    {
        Namespace = settings.Namespace,
        KubeContext = settings.KubeContext,
        KubeConfig = kubeConfig,
        ToolTimeout = settings.Bounds.ClusterCall,
    };

    private Dictionary<string, string> PullSecret => settings.ImagePullSecret is { } secret
        ? new Dictionary<string, string> { [ChartNames.PullSecretName] = secret }
        : [];

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> then)
    {
        var merged = new Dictionary<string, string>(first);
        foreach (var (key, value) in then)
        {
            merged[key] = value;
        }
        return merged;
    }
}
