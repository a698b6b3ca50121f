namespace Build.Tools.Helm;

/// <summary><c>helm rollback &lt;release&gt; [revision]</c>.</summary>
public sealed class HelmRollbackSettings : HelmSettings
{
    public string Release { get; init; } = "";

    /// <summary>Unset: the previous revision.</summary>
    public int? Revision { get; init; }

    /// <summary><c>--wait</c>.</summary>
    public bool Wait { get; init; }

    /// <summary><c>--timeout &lt;duration&gt;</c>.</summary>
    public TimeSpan? Timeout { get; init; }
}
