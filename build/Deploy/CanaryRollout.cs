using System.Globalization;
using Build.Settings;
using Build.Tools.Helm;
using Cake.Common.Diagnostics;

namespace Build.Deploy;

/// <summary>
/// Production's gradual rollout: the chart's canary release takes 10 %, 50 %, then 100 % of the traffic, each step
/// watched: rollout status, then the smoke tests and error-rate probe against the canary alone (every request carries
/// the canary header, so the weight cannot hide a broken canary), then the same checks against the weighted traffic as
/// a whole. The canary's pods grow with its weight. Then the stable release is promoted and the canary removed.
/// Any failure before promotion removes the canary and leaves the stable release untouched; after promotion the
/// stable release also goes back to the revision it had.
/// </summary>
public static class CanaryRollout
{
    public static void Run(DeployRun run, HelmStatusResult stable)
    {
        var canary = run.Settings.CanaryRelease;
        var canaryBefore = run.Record.Step($"helm status {canary}", () => run.Cluster.Status(canary, HelmReleaseStatus.NotFound));
        if (canaryBefore.Status is HelmReleaseStatus.Failed or HelmReleaseStatus.Superseded)
        {
            // The canary release is this pipeline's own and never the only copy of anything: a failed one is removed.
            run.Context.Warning($"{canary} is '{Cluster.Describe(canaryBefore.Status)}' from an earlier rollout: removing it before this one.");
            run.Record.Step($"remove failed canary: helm uninstall {canary}", () => run.Cluster.Uninstall(canary));
            canaryBefore = canaryBefore with { Status = HelmReleaseStatus.NotFound };
        }
        ReleaseGuard.EnsureDeployable(run.Cluster, canaryBefore);
        if (canaryBefore.Status == HelmReleaseStatus.Deployed)
        {
            run.Context.Warning($"{canary} is still installed (an interrupted earlier rollout); this rollout takes it over.");
        }
        if (run.Context.DryRun)
        {
            run.Context.Information($"[dry-run] on failure before promotion: {run.Cluster.HelmCommand($"uninstall {canary}")}; after it also {RestoreStable(run, stable)}");
        }
        var stableReplicas = StableReplicas(run);
        var phase = Phase.Canary;
        try
        {
            foreach (var weight in run.Settings.CanaryWeights)
            {
                Step(run, weight, CanaryReplicas(stableReplicas, weight));
            }
            phase = Phase.Promoting;
            run.Record.Step($"promote: helm upgrade --install {stable.Release}", () => run.Cluster.Upgrade(stable.Release, run.Images));
            phase = Phase.Promoted;
            run.Record.Revision = run.Record.Step($"helm status {stable.Release}", () => run.Cluster.Status(stable.Release).Revision);
            // At 100 % every request still reaches the canary: remove it first, so the last smoke test sees the promoted release.
            run.Record.Step($"remove canary: helm uninstall {canary}", () => run.Cluster.Uninstall(canary));
            run.Record.Step($"after promotion: {run.Smoke.Name}", run.Smoke.Run);
        }
        catch (Exception error)
        {
            throw Rollback.Fail(run, error, () => Undo(run, stable, phase), ManualRecovery(run, stable));
        }
        run.Record.Outcome = "succeeded";
    }

    private static void Step(DeployRun run, int weight, int replicas)
    {
        var canary = run.Settings.CanaryRelease;
        var values = new Dictionary<string, string>
        {
            [ChartNames.CanaryEnabled] = "true",
            [ChartNames.CanaryWeight] = weight.ToString(CultureInfo.InvariantCulture),
            [ChartNames.CanaryReplicas] = replicas.ToString(CultureInfo.InvariantCulture),
            [ChartNames.CanaryHeaderName] = run.Settings.CanaryHeader.Name,
        };
        if (ChartNames.CanaryHeaderValue is { } valueKey)
        {
            values[valueKey] = run.Settings.CanaryHeader.Value;
        }
        run.Record.Step($"canary {weight} %: helm upgrade --install {canary} ({replicas} pod(s) per component)", () => run.Cluster.Upgrade(canary, run.Images, values));
        run.Record.Step($"canary {weight} %: kubectl rollout status", () => run.Cluster.WaitForRollout(canary));
        run.Record.Step($"canary {weight} %: {run.Smoke.CanaryName}", () => run.Smoke.Run(run.Settings.CanaryHeader));
        run.Record.Step($"canary {weight} %: {run.Smoke.Name} of the weighted traffic", run.Smoke.Run);
    }

    /// <summary>
    /// Pods per component the canary runs at <paramref name="weight"/> %: its share of the stable release's pods,
    /// rounded up, at least one; so 50 % and 100 % never sit on a single pod while stable runs three.
    /// </summary>
    public static int CanaryReplicas(int stableReplicas, int weight) =>
        Math.Max(1, (int)Math.Ceiling(stableReplicas * weight / 100.0));

    /// <summary>The larger replica count of the stable components, as the values files (and --set) give it.</summary>
    private static int StableReplicas(DeployRun run)
    {
        var values = ChartValues.Load(run.Settings);
        return ChartNames.ReplicaCounts
            .Select(path => int.TryParse(values.Get(path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1)
            .DefaultIfEmpty(1)
            .Max();
    }

    private enum Phase
    {
        Canary,
        Promoting,
        Promoted,
    }

    private static IEnumerable<string> Undo(DeployRun run, HelmStatusResult stable, Phase phase)
    {
        var revision = stable.Revision?.ToString(CultureInfo.InvariantCulture) ?? "?";
        yield return phase switch
        {
            Phase.Promoted => Rollback.Restore(run, stable),
            Phase.Promoting => $"{stable.Release} restored to revision {revision} by helm --atomic",
            _ => $"{stable.Release} left at revision {revision} (never changed)",
        };
        yield return Rollback.RemoveCanary(run);
    }

    private static string RestoreStable(DeployRun run, HelmStatusResult stable) =>
        run.Cluster.HelmCommand($"rollback {stable.Release} {stable.Revision?.ToString(CultureInfo.InvariantCulture) ?? "<previous revision>"}");

    private static string ManualRecovery(DeployRun run, HelmStatusResult stable) =>
        $"`{run.Cluster.HelmCommand($"uninstall {run.Settings.CanaryRelease}")}`; if {stable.Release} was promoted, `{RestoreStable(run, stable)}`; " +
        $"check with `{run.Cluster.HelmCommand($"history {stable.Release}")}`.";
}
