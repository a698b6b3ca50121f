using Cake.Core.IO;

namespace Build.Tools.Helm;

/// <summary>Options every helm command takes; command settings derive from it. Throws on failure by default.</summary>
public class HelmSettings : PipelineToolSettings
{
    /// <summary><c>-n &lt;namespace&gt;</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary><c>--kube-context &lt;name&gt;</c>.</summary>
    public string? KubeContext { get; init; }

    /// <summary>Passed as <c>KUBECONFIG</c> (a file written from a deploy secret, never a command-line value).</summary>
    public FilePath? KubeConfig { get; init; }
}
