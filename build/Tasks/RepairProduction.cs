namespace Build.Tasks;

/// <summary>
/// Finishes a production rollout that an interrupted run left half done (the route back on stable, then the canary
/// removed), from the state it left in the cluster; does nothing when there is none. The deploy job runs it in its
/// <c>if: cancelled()</c> step, with the same credentials; Deploy-Production also runs it first by itself.
/// </summary>
[TaskName(TargetNames.RepairProduction)]
public sealed class RepairProduction : FrostingTask<BuildContext>
{
    private Deployment? _deployment;

    public override void Run(BuildContext context)
    {
        var settings = DeploySettings.From(context, SovdPipeline.DeployProduction, defaultProbeRequests: 0);
        // GitHub ends a cancelled job's remaining steps after 5 minutes: every helm call gets the shorter RepairWait,
        // and the record goes beside the interrupted deploy's, not over it.
        _deployment = Deployment.Start(context, settings with
        {
            Timeouts = settings.Timeouts with { HelmWait = settings.Timeouts.RepairWait },
            RecordDirectory = settings.RecordDirectory.Combine("repair"),
        });
        _deployment.Repair();
    }

    public override void Finally(BuildContext context) => _deployment?.Dispose();
}
