using System.Collections.Immutable;

namespace Pipeline.Definition.Workflows;

/// <summary>The events that start a workflow. Only events that never run untrusted code with write access are modelled.</summary>
public sealed record Triggers
{
    public BranchFilter? Push { get; init; }

    public BranchFilter? PullRequest { get; init; }

    public bool WorkflowDispatch { get; init; }

    /// <summary>
    /// <c>schedule:</c> cron expressions (UTC). GitHub runs a scheduled workflow from the default branch's latest commit
    /// only (docs.github.com, "Events that trigger workflows", schedule; read 2026-12-07 via github/docs#32343).
    /// </summary>
    public ImmutableArray<string> Schedule { get; init; } = [];
}

/// <summary>The branches an event is limited to; empty means every branch.</summary>
public sealed record BranchFilter(ImmutableArray<string> Branches)
{
    public static BranchFilter For(params string[] branches) => new([.. branches]);
}
