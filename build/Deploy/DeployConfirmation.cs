namespace Build.Deploy;

/// <summary>
/// Checks <c>--confirm=Deploy-Production</c> when the host starts, before any task runs: without it a laptop's
/// <c>--target=Deploy-Production</c> would first run every stage the deploy needs (minutes) and only then refuse.
/// A dry run changes nothing, so it may show the plan without the confirmation.
/// </summary>
public static class DeployConfirmation
{
    public static void Ensure(BuildContext context, ISetupContext info)
    {
        var stage = SovdPipeline.DeployProduction;
        if (!info.TasksToExecute.Any(task => task.Name == stage.Name)
            || context.Argument<string?>(ArgumentNames.Confirm, null) == stage.Name)
        {
            return;
        }
        if (context.DryRun)
        {
            context.Information($"[dry-run] a real run needs --{ArgumentNames.Confirm}={stage.Name}");
            return;
        }
        throw new DeployException(
            $"{stage.Name} changes production: pass --{ArgumentNames.Confirm}={stage.Name} to run it " +
            "(the CI job passes it once the 'production' environment's reviewers approved). " +
            "Nothing was run or changed.");
    }
}
