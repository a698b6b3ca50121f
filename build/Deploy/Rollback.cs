using Build.Tools.Helm;

namespace Build.Deploy;

/// <summary>Puts releases back the way a deploy found them, and turns a failure into a message that says what was undone.</summary>
public static class Rollback
{
    /// <summary>Back to the revision that was deployed before, or uninstalled when the deploy installed it.</summary>
    public static string Restore(DeployRun run, HelmStatusResult before)
    {
        var release = before.Release;
        if (before.Status == HelmReleaseStatus.Deployed && before.Revision is { } revision)
        {
            run.Record.Step($"rollback: helm rollback {release} {revision}", () => run.Cluster.Rollback(release, revision));
            return $"{release} rolled back to revision {revision}";
        }
        run.Record.Step($"rollback: helm uninstall {release}", () => run.Cluster.Uninstall(release));
        return $"{release} uninstalled (this deploy had installed it)";
    }

    /// <summary>Uninstalls the canary release if it exists (--atomic already removes a canary whose first install failed).</summary>
    public static string RemoveCanary(DeployRun run)
    {
        var canary = run.Settings.CanaryRelease;
        var status = run.Record.Step($"rollback: helm status {canary}", () => run.Cluster.Status(canary));
        if (status.Status == HelmReleaseStatus.NotFound)
        {
            return $"{canary} was already gone";
        }
        run.Record.Step($"rollback: helm uninstall {canary}", () => run.Cluster.Uninstall(canary));
        return $"{canary} uninstalled";
    }

    /// <summary>Runs <paramref name="undo"/> after <paramref name="cause"/> and returns the exception the stage fails with.</summary>
    public static DeployException Fail(DeployRun run, Exception cause, Func<IEnumerable<string>> undo, string manualRecovery)
    {
        var stage = run.Settings.Stage.Name;
        var step = run.Record.FailedStep ?? "the deploy";
        run.Context.Error($"{stage}: {step} failed; rolling back.");
        FailureDiagnostics.Collect(run);
        try
        {
            var undone = undo().ToList();
            run.Record.Outcome = "rolled back";
            run.Record.Error = cause.Message;
            return new DeployException($"{stage} failed at '{step}': {cause.Message}\nRolled back: {string.Join("; ", undone)}.", cause);
        }
        catch (Exception rollbackError)
        {
            run.Record.Outcome = "failed, rollback failed";
            run.Record.Error = $"{cause.Message} / rollback: {rollbackError.Message}";
            // Logged as well: an interrupted run reports only "Interrupted.", and this is what the person needs next.
            run.Context.Error($"{stage}: the rollback failed ({rollbackError.Message}). Recover by hand: {manualRecovery}");
            return new DeployException(
                $"{stage} failed at '{step}': {cause.Message}\nThe rollback failed too: {rollbackError.Message}\nRecover by hand: {manualRecovery}", cause);
        }
    }
}
