using Cake.Core.IO;

namespace Build.Tools.Helm;

/// <summary><c>helm template &lt;release&gt; &lt;chart&gt;</c>; the manifests are captured, not printed.</summary>
public sealed class HelmTemplateSettings : HelmSettings
{
    public string Release { get; init; } = "";

    public string Chart { get; init; } = "";

    /// <summary><c>-f &lt;file&gt;</c> each.</summary>
    public IReadOnlyList<FilePath> ValuesFiles { get; init; } = [];

    /// <summary><c>--set key=value</c> each, ordered by key.</summary>
    public IReadOnlyDictionary<string, string> SetValues { get; init; } = new Dictionary<string, string>();
}
