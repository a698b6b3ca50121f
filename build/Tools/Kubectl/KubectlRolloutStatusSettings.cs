namespace Build.Tools.Kubectl;

/// <summary><c>kubectl rollout status &lt;kind/name&gt; --timeout=&lt;duration&gt;</c>.</summary>
public sealed class KubectlRolloutStatusSettings : KubectlSettings
{
    public KubeResource? Resource { get; init; }

    /// <summary><c>--timeout=&lt;duration&gt;</c>; unset waits forever.</summary>
    public TimeSpan? Timeout { get; init; }
}
