using Cake.Core.IO;

namespace Build.Tools.Kubectl;

/// <summary>Options every kubectl command takes; command settings derive from it. Throws on failure by default.</summary>
public class KubectlSettings : PipelineToolSettings
{
    /// <summary><c>-n &lt;namespace&gt;</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary><c>--context &lt;name&gt;</c>.</summary>
    public string? KubeContext { get; init; }

    /// <summary>Passed as <c>KUBECONFIG</c>.</summary>
    public FilePath? KubeConfig { get; init; }
}
