namespace Build.Tools.Helm;

/// <summary><c>helm uninstall &lt;release&gt;</c>.</summary>
public sealed class HelmUninstallSettings : HelmSettings
{
    public string Release { get; init; } = "";

    /// <summary><c>--keep-history</c>.</summary>
    public bool KeepHistory { get; init; }

    /// <summary><c>--wait</c>.</summary>
    public bool Wait { get; init; }

    /// <summary><c>--timeout &lt;duration&gt;</c>.</summary>
    public TimeSpan? Timeout { get; init; }
}
