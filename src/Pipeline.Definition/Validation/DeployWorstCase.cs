using System.Globalization;
using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Validation;

/// <summary>One term of a worst case: what waits, and how long at most.</summary>
public sealed record WorstCaseTerm(string What, TimeSpan Time)
{
    public override string ToString() => $"{What} {DeployWorstCase.Minutes(Time)}";
}

/// <summary>
/// The longest a deploy stage can run when every wait and rollback runs to its bound: the steps that succeed just
/// before their timeouts, then the most expensive failure (its own timeout, helm --atomic's rollback, the undo of
/// what came before, the diagnostics). Mirrors the order of the host's Deployment (direct) and Deployment.Canary (its repair first).
/// </summary>
public static class DeployWorstCase
{
    private sealed record Step(string Name, TimeSpan Succeeds, TimeSpan Fails, TimeSpan UndoAfterFailure);

    public static IReadOnlyList<WorstCaseTerm> Of(DeployTimeouts t)
    {
        var steps = t.CanaryWeights.IsEmpty ? Direct(t) : Canary(t);
        var best = (Index: -1, Cost: TimeSpan.MinValue);
        var done = TimeSpan.Zero;
        for (var i = 0; i < steps.Count; i++)
        {
            var cost = done + steps[i].Fails + steps[i].UndoAfterFailure;
            if (cost >= best.Cost)
            {
                best = (i, cost);
            }
            done += steps[i].Succeeds;
        }
        var failing = steps[best.Index];
        var terms = new List<WorstCaseTerm>
        {
            new("job setup", t.JobSetup),
            new("preflight", t.Preflight),
        };
        terms.AddRange(steps.Take(best.Index).Select(step => new WorstCaseTerm(step.Name, step.Succeeds)));
        terms.Add(new($"{failing.Name} failing", failing.Fails));
        terms.Add(new("rollback", failing.UndoAfterFailure));
        terms.Add(new("diagnostics", t.Diagnostics));
        return terms;
    }

    public static TimeSpan Total(DeployTimeouts timeouts) => Of(timeouts).Aggregate(TimeSpan.Zero, (sum, term) => sum + term.Time);

    public static string Minutes(TimeSpan time) => $"{time.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min";

    private static List<Step> Direct(DeployTimeouts t) =>
    [
        new("helm status", t.ClusterCall, t.ClusterCall, TimeSpan.Zero),
        new("helm upgrade", t.HelmWait, Atomic(t), TimeSpan.Zero),
        new("helm status", t.ClusterCall, t.ClusterCall, t.HelmWait),
        new("smoke tests", t.SmokeBound, t.SmokeBound, t.HelmWait),
    ];

    private static List<Step> Canary(DeployTimeouts t)
    {
        // The undo: the route release back to stable (and its wait), then the canary's status, uninstall and the state's
        // removal; once promotion began, stable's restore comes first.
        var removeCanary = t.ClusterCall + t.HelmWait + t.ClusterCall;
        var routeBack = t.HelmWait + t.RouteReady + removeCanary;
        var restoreAll = t.HelmWait + routeBack;
        var steps = new List<Step>
        {
            new("repair of an interrupted rollout", Repair(t), Repair(t), TimeSpan.Zero),
            new("helm status stable", t.ClusterCall, t.ClusterCall, TimeSpan.Zero),
            new("helm status canary", t.ClusterCall, t.ClusterCall, TimeSpan.Zero),
            new("helm status route", t.ClusterCall, t.ClusterCall, TimeSpan.Zero),
            new("helm get values stable", t.ClusterCall, t.ClusterCall, TimeSpan.Zero),
            // The first rollout with a route release hands the route over (kubectl annotate, install, wait).
            new("route handover annotate", t.ClusterCall, t.ClusterCall, removeCanary),
            new("route handover install", t.HelmWait, Atomic(t), removeCanary),
            new("route handover wait", t.RouteReady, t.RouteReady, removeCanary),
        };
        foreach (var weight in t.CanaryWeights)
        {
            var rollout = t.RolloutWait * t.Deployments;
            steps.Add(new($"canary {weight} % state", t.ClusterCall, t.ClusterCall, routeBack));
            steps.Add(new($"canary {weight} % upgrade", t.HelmWait, Atomic(t), routeBack));
            steps.Add(new($"canary {weight} % rollout", rollout, rollout, routeBack));
            steps.Add(new($"canary {weight} % route upgrade", t.HelmWait, Atomic(t), routeBack));
            steps.Add(new($"canary {weight} % route wait", t.RouteReady, t.RouteReady, routeBack));
            steps.Add(new($"canary {weight} % smoke via header", t.SmokeBound, t.SmokeBound, routeBack));
            steps.Add(new($"canary {weight} % smoke of the weighted traffic", t.SmokeBound, t.SmokeBound, routeBack));
            if (t.Analysis is { WorstCase: var bake })
            {
                // The port-forward to an in-cluster Prometheus starts within one cluster call.
                var analysis = t.ClusterCall + bake;
                steps.Add(new($"canary {weight} % analysis (bake and queries)", analysis, analysis, routeBack));
            }
        }
        steps.Add(new("promotion state", t.ClusterCall, t.ClusterCall, routeBack));
        steps.Add(new("promotion upgrade", t.HelmWait, Atomic(t), restoreAll));
        steps.Add(new("route back to stable", t.HelmWait, Atomic(t), restoreAll));
        steps.Add(new("route back wait", t.RouteReady, t.RouteReady, restoreAll));
        steps.Add(new("helm status stable", t.ClusterCall, t.ClusterCall, restoreAll));
        steps.Add(new("canary removal", t.HelmWait, t.HelmWait, restoreAll));
        steps.Add(new("smoke after promotion", t.SmokeBound, t.SmokeBound, restoreAll));
        return steps;
    }

    /// <summary>
    /// The repair of an interrupted rollout, each helm call under RepairWait: the state read; stable's status, history
    /// and rollback; the route release's status, status, history, rollback, upgrade and wait; the canary's status and
    /// uninstall; the state's removal. GitHub gives a cancelled job's repair step 5 minutes: a repair cut short there
    /// leaves the state, and the next deploy repairs.
    /// </summary>
    public static TimeSpan Repair(DeployTimeouts t) => t.ClusterCall * 8 + t.RepairWait * 4 + Min(t.RouteReady, t.RepairWait);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>A failed <c>--atomic</c> upgrade waits out its timeout, then rolls back under the same timeout.</summary>
    private static TimeSpan Atomic(DeployTimeouts t) => t.HelmWait * 2;
}
