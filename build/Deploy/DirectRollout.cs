using Build.Tools.Helm;

namespace Build.Deploy;

/// <summary>
/// One <c>helm upgrade --install --atomic --wait</c>, then the smoke tests; when they fail the release goes back
/// to its previous revision (or is uninstalled when this deploy installed it). Staging, and production's first install.
/// </summary>
public static class DirectRollout
{
    public static void Run(DeployRun run, HelmStatusResult before)
    {
        var release = run.Settings.Release;
        if (run.Context.DryRun)
        {
            run.Context.Information($"[dry-run] if the smoke tests fail: {RestoreCommand(run, before)}");
        }
        try
        {
            run.Record.Step($"helm upgrade --install {release}", () => run.Cluster.Upgrade(release, run.Images.ChartValues()));
        }
        catch (Exception error) when (error is not DeployException)
        {
            // --atomic has already put the release back (or removed a failed first install); the events stay.
            FailureDiagnostics.Collect(run);
            run.Record.Outcome = "failed, restored by helm --atomic";
            run.Record.Error = error.Message;
            throw new DeployException(
                $"{run.Settings.Stage.Name}: helm upgrade of {release} failed and --atomic restored its previous state. {error.Message}", error);
        }
        try
        {
            run.Record.Revision = run.Record.Step($"helm status {release}", () => run.Cluster.Status(release).Revision);
            run.Record.Step(run.Smoke.Name, run.Smoke.Run);
        }
        catch (Exception error)
        {
            throw Rollback.Fail(run, error, () => [Rollback.Restore(run, before)], RestoreCommand(run, before));
        }
        run.Record.Outcome = "succeeded";
    }

    private static string RestoreCommand(DeployRun run, HelmStatusResult before) =>
        before.Status == HelmReleaseStatus.Deployed && before.Revision is { } revision
            ? run.Cluster.HelmCommand($"rollback {before.Release} {revision}")
            : run.Cluster.HelmCommand($"uninstall {before.Release}");
}
