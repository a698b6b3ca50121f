namespace Build.Frosting.Additions;

/// <summary>
/// Cake's default strategy, plus: a task running when the build is interrupted fails with "Interrupted", no task
/// starts after an interruption, and a skip prints its reason at normal verbosity.
/// </summary>
internal sealed class HostExecutionStrategy(IExecutionStrategy inner, HostInterruption interruption, RunJournal journal, ICakeLog log) : IExecutionStrategy
{
    public async Task ExecuteAsync(CakeTask task, ICakeContext context)
    {
        interruption.ThrowIfInterrupted();
        try
        {
            await inner.ExecuteAsync(task, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (interruption.IsInterrupted && ex is not BuildInterruptedException)
        {
            throw new BuildInterruptedException(ex);
        }

        // A task whose killed child process it did not check still must not count as a success.
        interruption.ThrowIfInterrupted();
    }

    public void Skip(CakeTask task, CakeTaskCriteria criteria)
    {
        inner.Skip(task, criteria);
        var reason = journal.SkipReason(task.Name);
        if (reason is null)
        {
            log.Information("Skipping task '{0}'.", task.Name);
        }
        else
        {
            log.Information("Skipping task '{0}': {1}", task.Name, reason);
        }
    }

    public void PerformSetup(Action<ISetupContext> action, ISetupContext context) => inner.PerformSetup(action, context);

    public void PerformTeardown(Action<ITeardownContext> action, ITeardownContext teardownContext) =>
        inner.PerformTeardown(action, teardownContext);

    public Task ReportErrorsAsync(Func<Exception, Task> action, Exception exception) => inner.ReportErrorsAsync(action, exception);

    public Task HandleErrorsAsync(Func<Exception, ICakeContext, Task> action, Exception exception, ICakeContext context) =>
        inner.HandleErrorsAsync(action, exception, context);

    public Task InvokeFinallyAsync(Func<ICakeContext, Task> action, ICakeContext context) => inner.InvokeFinallyAsync(action, context);

    public void PerformTaskSetup(Action<ITaskSetupContext> action, ITaskSetupContext taskSetupContext) =>
        inner.PerformTaskSetup(action, taskSetupContext);

    public void PerformTaskTeardown(Action<ITaskTeardownContext> action, ITaskTeardownContext taskTeardownContext) =>
        inner.PerformTaskTeardown(action, taskTeardownContext);
}
