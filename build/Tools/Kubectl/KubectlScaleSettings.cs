namespace Build.Tools.Kubectl;

/// <summary><c>kubectl scale &lt;kind/name&gt; --replicas=&lt;n&gt;</c>.</summary>
public sealed class KubectlScaleSettings : KubectlSettings
{
    public KubeResource? Resource { get; init; }

    public int Replicas { get; init; }
}
