using Build.Deploy;
using Build.Tools.Helm;

namespace Build.Tasks;

/// <summary>Rolls main out to production through the chart's canary release, 10 % → 50 % → 100 %, then promotes it.</summary>
[TaskName("Deploy-Production")]
public sealed class DeployProduction : FrostingTask<BuildContext>
{
    private const int DefaultProbeRequests = 50;

    private DeploySession? _session;

    public override bool ShouldRun(BuildContext context) =>
        CiTrigger.SkipReason(context, SovdPipeline.DeployProduction) is not { } reason || context.Skip(reason);

    public override void Run(BuildContext context)
    {
        // --confirm was checked when the host started (RunStart), before any stage this one needs.
        var settings = DeploySettings.From(context, SovdPipeline.DeployProduction, SovdPipeline.ProductionDeployment, DefaultProbeRequests);
        ProductionApprovalCheck.Ensure(context, SovdPipeline.DeployProduction);
        _session = DeploySession.Start(context, settings);
        _session.Deploy(Rollout);
    }

    public override void Finally(BuildContext context) => _session?.Dispose();

    private static void Rollout(DeployRun run, HelmStatusResult stable)
    {
        run.Record.CanaryRelease = run.Settings.CanaryRelease;
        if (stable.Status == HelmReleaseStatus.Deployed)
        {
            CanaryRollout.Run(run, stable);
            return;
        }
        // A canary needs a stable release whose Ingress it splits traffic with; the first install goes in directly.
        run.Context.Information($"{stable.Release} is not installed yet: installing it directly, without a canary.");
        DirectRollout.Run(run, stable);
    }
}
