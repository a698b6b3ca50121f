namespace Build.Tools.Kubectl;

/// <summary><c>kubectl annotate &lt;kind/name&gt; key=value… [--overwrite]</c>.</summary>
public sealed class KubectlAnnotateSettings : KubectlSettings
{
    public KubeResource? Resource { get; init; }

    /// <summary>Annotations to set, ordered by key.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--overwrite</c>: replace an existing value (kubectl refuses otherwise).</summary>
    public bool Overwrite { get; init; } = true;
}
