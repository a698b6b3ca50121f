namespace Build;

/// <summary>
/// What the host checks and says once, before the first task: the production confirmation (so a refused deploy runs
/// none of the stages it needs), then the tools this run picked. The host takes one lifetime, so both sit here.
/// </summary>
public sealed class RunStart : FrostingLifetime<BuildContext>
{
    public override void Setup(BuildContext context, ISetupContext info)
    {
        DeployConfirmation.Ensure(context, info);
        context.HostTools.Report(info);
    }

    public override void Teardown(BuildContext context, ITeardownContext info)
    {
    }
}
