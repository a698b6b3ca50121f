using Cake.Core.IO;

namespace Build.Tools.Helm;

/// <summary><c>helm upgrade --install &lt;release&gt; &lt;chart&gt;</c>.</summary>
public sealed class HelmUpgradeSettings : HelmSettings
{
    public string Release { get; init; } = "";

    /// <summary>Chart directory, packaged <c>.tgz</c>, <c>repo/chart</c> or <c>oci://</c> reference.</summary>
    public string Chart { get; init; } = "";

    /// <summary><c>--install</c>: create the release when it does not exist.</summary>
    public bool Install { get; init; } = true;

    /// <summary><c>--version &lt;chart version&gt;</c>.</summary>
    public string? ChartVersion { get; init; }

    /// <summary><c>--create-namespace</c>.</summary>
    public bool CreateNamespace { get; init; }

    /// <summary><c>-f &lt;file&gt;</c> each, in order (later files win).</summary>
    public IReadOnlyList<FilePath> ValuesFiles { get; init; } = [];

    /// <summary><c>--set key=value</c> each, ordered by key.</summary>
    public IReadOnlyDictionary<string, string> SetValues { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--set "key=value"</c> each, rendered <c>key=[REDACTED]</c> in logs; commas and backslashes are escaped for helm.</summary>
    public IReadOnlyDictionary<string, string> SecretValues { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--wait</c>: return only when the release's resources are ready.</summary>
    public bool Wait { get; init; }

    /// <summary><c>--atomic</c>: roll back by itself when the upgrade fails (helm 4: <c>--rollback-on-failure</c>).</summary>
    public bool Atomic { get; init; }

    /// <summary>The helm the command is for: 4 and later spell <see cref="Atomic"/> <c>--rollback-on-failure</c>.</summary>
    public int HelmMajorVersion { get; init; } = 3;

    /// <summary><c>--timeout &lt;duration&gt;</c> for <c>--wait</c>/<c>--atomic</c>, e.g. 5 minutes → <c>5m0s</c>.</summary>
    public TimeSpan? Timeout { get; init; }
}
