using Build.Deploy;
using Build.Frosting;
using Build.Settings;
using Build.Tools.Helm;
using Cake.Common.Diagnostics;
using Pipeline.Definition;

namespace Build.Tasks;

/// <summary>Rolls main out to production through the chart's canary release, 10 % → 50 % → 100 %, then promotes it.</summary>
[TaskName("Deploy-Production")]
public sealed class DeployProduction : FrostingTask<BuildContext>
{
    private const int DefaultProbeRequests = 50;

    private DeploySession? _session;

    public override RunDecision ShouldRun(BuildContext context) => CiTrigger.Decide(context, SovdPipeline.DeployProduction);

    public override void Run(BuildContext context)
    {
        var stage = SovdPipeline.DeployProduction;
        var settings = DeploySettings.From(context, stage, SovdPipeline.ProductionDeployment, DefaultProbeRequests);
        if (settings.Confirmation != stage.Name)
        {
            // A dry run changes nothing, so it may show the plan without the confirmation.
            if (!context.DryRun)
            {
                throw new DeployException(
                    $"{stage.Name} changes production: pass --{ArgumentNames.Confirm}={stage.Name} to run it " +
                    "(the CI job passes it once the 'production' environment's reviewers approved). Nothing was changed.");
            }
            context.Information($"[dry-run] a real run needs --{ArgumentNames.Confirm}={stage.Name}");
        }
        ProductionApprovalCheck.Ensure(context, stage);
        _session = DeploySession.Start(context, settings, needsKubectl: true);
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
