namespace Build.Tasks;

/// <summary>Deploys develop to staging; smoke tests decide whether the release stays or goes back.</summary>
[TaskName(TargetNames.DeployStaging)]
public sealed class DeployStaging : FrostingTask<BuildContext>
{
    private Deployment? _deployment;

    public override bool ShouldRun(BuildContext context) =>
        CiTrigger.SkipReason(context, SovdPipeline.DeployStaging) is not { } reason || context.Skip(reason);

    public override void Run(BuildContext context)
    {
        // Staging gets the smoke tests only; --probe-requests=N adds the error-rate probe.
        var settings = DeploySettings.From(context, SovdPipeline.DeployStaging, defaultProbeRequests: 0);
        _deployment = Deployment.Start(context, settings);
        _deployment.Run(canary: false);
    }

    public override void Finally(BuildContext context) => _deployment?.Dispose();
}
