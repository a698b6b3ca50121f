namespace Build.Tasks;

/// <summary>Rolls main out to production through the chart's canary release, 10 % → 50 % → 100 %, then promotes it.</summary>
[TaskName(TargetNames.DeployProduction)]
public sealed class DeployProduction : FrostingTask<BuildContext>
{
    private const int DefaultProbeRequests = 50;

    private Deployment? _deployment;

    public override bool ShouldRun(BuildContext context) =>
        CiTrigger.SkipReason(context, SovdPipeline.DeployProduction) is not { } reason || context.Skip(reason);

    public override void Run(BuildContext context)
    {
        // --confirm was checked when the host started (RunStart), before any stage this one needs.
        var settings = DeploySettings.From(context, SovdPipeline.DeployProduction, DefaultProbeRequests);
        ProductionApprovalCheck.Ensure(context, SovdPipeline.DeployProduction);
        _deployment = Deployment.Start(context, settings);
        _deployment.Run(canary: true);
    }

    public override void Finally(BuildContext context) => _deployment?.Dispose();
}
