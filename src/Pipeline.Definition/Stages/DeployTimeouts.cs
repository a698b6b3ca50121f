using System.Collections.Immutable;

namespace Pipeline.Definition.Stages;

/// <summary>
/// Every bound a deploy stage waits under, in the definition so validation can prove the worst case fits the job's
/// <c>timeout-minutes</c>: GitHub kills a job at its timeout, and a helm killed mid-upgrade leaves the release in
/// <c>pending-*</c>. The build host takes its helm/kubectl timeouts and the smoke-test bound from here.
/// </summary>
public sealed record DeployTimeouts
{
    /// <summary>helm's <c>--timeout</c> of one upgrade, rollback or uninstall; <c>--atomic</c> spends it once more on its own rollback.</summary>
    public required TimeSpan HelmWait { get; init; }

    /// <summary><c>kubectl rollout status --timeout</c> per Deployment (it follows <c>helm --wait</c>, so it only confirms).</summary>
    public required TimeSpan RolloutWait { get; init; }

    /// <summary>The smoke script's <c>--total-timeout</c>: one run of the checks and the error-rate probe.</summary>
    public required TimeSpan SmokeBound { get; init; }

    /// <summary>
    /// After each route change: how long the HTTPRoute may take to show <c>Accepted</c> and <c>ResolvedRefs</c> for our
    /// Gateway (an Ingress: an address). The smoke tests start only after; at the bound the step fails and rolls back.
    /// </summary>
    public required TimeSpan RouteReady { get; init; }

    /// <summary>
    /// helm's <c>--timeout</c> in the repair of an interrupted rollout. GitHub ends a cancelled job's
    /// <c>if: cancelled()</c> steps after 5 minutes, so the whole repair must fit well inside that.
    /// </summary>
    public required TimeSpan RepairWait { get; init; }

    /// <summary>Limit of one quick cluster call (helm status, kubectl get).</summary>
    public required TimeSpan ClusterCall { get; init; }

    /// <summary>The whole cluster preflight (context, namespace, secrets, <c>auth can-i</c>); the host stops it at this bound.</summary>
    public required TimeSpan Preflight { get; init; }

    /// <summary>Collecting pods, events and logs after a failure; the host stops it at this bound.</summary>
    public required TimeSpan Diagnostics { get; init; }

    /// <summary>What the job does before the host's task starts (checkout, toolchains, host build); an estimate.</summary>
    public required TimeSpan JobSetup { get; init; }

    /// <summary>Head room left below <c>timeout-minutes</c> after the worst case.</summary>
    public required TimeSpan Margin { get; init; }

    /// <summary>Traffic shares of a canary rollout in order, the last 100; empty for a direct <c>helm upgrade</c>.</summary>
    public ImmutableArray<int> CanaryWeights { get; init; } = [];

    /// <summary>
    /// How each canary step is judged by its traffic in Prometheus, its bake included; null: no analysis.
    /// </summary>
    public CanaryAnalysis? Analysis { get; init; }

    /// <summary>How long the analysis bakes over all steps when the canary passes each at its first chance.</summary>
    public TimeSpan PassingBakes =>
        Analysis is { } analysis ? analysis.PassingStep * CanaryWeights.Length : TimeSpan.Zero;

    /// <summary>Deployments the chart renders per release (backend, frontend): each gets its own rollout wait.</summary>
    public int Deployments { get; init; } = 2;
}
