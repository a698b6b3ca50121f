namespace Build.Tasks;

/// <summary>
/// Rolls main out to production through the chart's canary release, 10 % → 50 % → 100 %, then promotes it.
/// </summary>
[TaskName(TargetNames.DeployProduction)]
public sealed class DeployProduction : FrostingTask<BuildContext>
{
    // With no failure allowed (--max-error-rate 0), 90 requests through the canary header let a canary failing 5 % of
    // them pass with a chance of 0.95^90 = 0.99 %: under 1 % (README "The error-rate probe's numbers").
    private const int DefaultProbeRequests = 90;

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
