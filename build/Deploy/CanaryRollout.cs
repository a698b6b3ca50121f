using System.Globalization;
using Build.Settings;
using Build.Tools.Helm;
using Cake.Common.Diagnostics;

namespace Build.Deploy;

/// <summary>
/// Production's gradual rollout: the chart's canary release takes 10 %, 50 %, then 100 % of the traffic, each step
/// watched (rollout status, smoke tests, error-rate probe); then the stable release is promoted and the canary removed.
/// Any failure before promotion removes the canary and leaves the stable release untouched; after promotion the
/// stable release also goes back to the revision it had.
/// </summary>
public static class CanaryRollout
{
    public static void Run(DeployRun run, HelmStatusResult stable)
    {
        var canary = run.Settings.CanaryRelease;
        var canaryBefore = run.Record.Step($"helm status {canary}", () => ReleaseGuard.EnsureDeployable(run.Cluster, canary, HelmReleaseStatus.NotFound));
        if (canaryBefore.Status == HelmReleaseStatus.Deployed)
        {
            run.Context.Warning($"{canary} is still installed (an interrupted earlier rollout); this rollout takes it over.");
        }
        if (run.Context.DryRun)
        {
            run.Context.Information($"[dry-run] on failure before promotion: {run.Cluster.HelmCommand($"uninstall {canary}")}; after it also {RestoreStable(run, stable)}");
        }
        var phase = Phase.Canary;
        try
        {
            foreach (var weight in DeploySettings.CanaryWeights)
            {
                Step(run, weight);
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

    private static void Step(DeployRun run, int weight)
    {
        var canary = run.Settings.CanaryRelease;
        var values = new Dictionary<string, string>
        {
            ["canary.enabled"] = "true",
            ["canary.weight"] = weight.ToString(CultureInfo.InvariantCulture),
        };
        run.Record.Step($"canary {weight} %: helm upgrade --install {canary}", () => run.Cluster.Upgrade(canary, run.Images, values));
        run.Record.Step($"canary {weight} %: kubectl rollout status", () => run.Cluster.WaitForRollout(canary));
        run.Record.Step($"canary {weight} %: {run.Smoke.Name}", run.Smoke.Run);
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
