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
/// what came before, the diagnostics). Mirrors the order of the host's Deployment (direct) and CanaryRollout.
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
        // Until a step has upgraded stable the undo looks up and uninstalls the canary; from then on it first rolls
        // stable back (the chart's order: stable's route without the canary, then the canary goes).
        var removeCanary = t.ClusterCall + t.HelmWait;
        var restoreAll = t.HelmWait + removeCanary;
        var steps = new List<Step>
        {
            new("helm status stable", t.ClusterCall, t.ClusterCall, TimeSpan.Zero),
            new("helm status canary", t.ClusterCall, t.ClusterCall, TimeSpan.Zero),
            new("helm get values stable", t.ClusterCall, t.ClusterCall, TimeSpan.Zero),
        };
        foreach (var weight in t.CanaryWeights)
        {
            var rollout = t.RolloutWait * t.Deployments;
            steps.Add(new($"canary {weight} % upgrade", t.HelmWait, Atomic(t), removeCanary));
            steps.Add(new($"canary {weight} % rollout", rollout, rollout, removeCanary));
            steps.Add(new($"canary {weight} % stable route upgrade", t.HelmWait, Atomic(t), restoreAll));
            steps.Add(new($"canary {weight} % smoke via header", t.SmokeBound, t.SmokeBound, restoreAll));
            steps.Add(new($"canary {weight} % smoke of the weighted traffic", t.SmokeBound, t.SmokeBound, restoreAll));
            if (t.Analysis is { WorstCase: var bake })
            {
                steps.Add(new($"canary {weight} % analysis (bake and queries)", bake, bake, restoreAll));
            }
        }
        steps.Add(new("promotion upgrade", t.HelmWait, Atomic(t), restoreAll));
        steps.Add(new("route back to stable", t.HelmWait, Atomic(t), restoreAll));
        steps.Add(new("helm status stable", t.ClusterCall, t.ClusterCall, restoreAll));
        steps.Add(new("canary removal", t.HelmWait, t.HelmWait, restoreAll));
        steps.Add(new("smoke after promotion", t.SmokeBound, t.SmokeBound, restoreAll));
        return steps;
    }

    /// <summary>A failed <c>--atomic</c> upgrade waits out its timeout, then rolls back under the same timeout.</summary>
    private static TimeSpan Atomic(DeployTimeouts t) => t.HelmWait * 2;
}
