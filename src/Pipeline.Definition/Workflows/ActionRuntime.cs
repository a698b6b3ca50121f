namespace Pipeline.Definition.Workflows;

/// <summary>
/// What an action's <c>action.yml</c> says under <c>runs.using</c>. GitHub's runners stopped running Node 20 actions
/// on 2026-09-16 (its changelog of 2025-09-19, via issue #11, checked 2026-12-01), so validation rejects
/// <see cref="Node20"/> and older.
/// </summary>
public enum ActionRuntime
{
    Node12,
    Node16,
    Node20,
    Node24,

    /// <summary>Steps of its own; pin it only when none of the actions it calls runs on a retired Node.</summary>
    Composite,

    /// <summary>A container the runner starts.</summary>
    Docker,
}

public static class ActionRuntimes
{
    /// <summary>The oldest JavaScript runtime GitHub's hosted runners still run.</summary>
    public const ActionRuntime OldestSupportedNode = ActionRuntime.Node24;

    public static bool IsRetired(this ActionRuntime runtime) => runtime < OldestSupportedNode;

    /// <summary>The spelling of <c>runs.using</c> in action.yml.</summary>
    public static string WireName(this ActionRuntime runtime) => runtime.ToString().ToLowerInvariant();
}
