namespace Build.Frosting.Internal;

/// <summary>
/// Hooks the lifetimes into Cake's engine. A failing setup fails the run (Cake then runs no task but still the
/// teardown); a failing teardown is logged and fails the exit code without losing the summary.
/// </summary>
internal sealed class LifetimeWiring(ICakeContext context, RunJournal journal, ICakeLog log, GitHubActionsReporter? github)
{
    public void Attach(ICakeEngine engine, IServiceProvider services, HostSettings settings)
    {
        if (settings.LifetimeType is { } lifetimeType)
        {
            var lifetime = (IFrostingLifetime)ActivatorUtilities.CreateInstance(services, lifetimeType);
            engine.RegisterSetupAction(info => Setup(lifetime, info));
            engine.RegisterTeardownAction(info => Teardown(lifetime, info));
        }

        if (settings.TaskLifetimeType is { } taskLifetimeType)
        {
            var taskLifetime = (IFrostingTaskLifetime)ActivatorUtilities.CreateInstance(services, taskLifetimeType);
            engine.RegisterTaskSetupAction(info => taskLifetime.Setup(context, info));
            engine.RegisterTaskTeardownAction(info => taskLifetime.Teardown(context, info));
        }
    }

    private void Setup(IFrostingLifetime lifetime, ISetupContext info)
    {
        try
        {
            lifetime.Setup(context, info);
        }
        catch (Exception ex)
        {
            var failure = new CakeException($"Setup failed: {ex.Message}", ex);
            github?.Annotate("Setup", failure);
            throw failure;
        }
    }

    private void Teardown(IFrostingLifetime lifetime, ITeardownContext info)
    {
        try
        {
            lifetime.Teardown(context, info);
        }
        catch (Exception ex)
        {
            // Cake would rethrow here and lose the report; record it so the exit code still fails.
            journal.TeardownFailure = ex;
            log.Error("Teardown failed: {0}", ex.Message);
            github?.Annotate("Teardown", ex);
        }
    }
}
