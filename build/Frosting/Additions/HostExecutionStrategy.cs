namespace Build.Frosting.Additions;

/// <summary>
/// Cake's default strategy, plus: a task running when the build is interrupted fails with "Interrupted", no task
/// starts after an interruption, and a skip prints its reason at normal verbosity.
/// </summary>
internal sealed class HostExecutionStrategy : IExecutionStrategy
{
    private readonly IExecutionStrategy _inner;
    private readonly HostInterruption _interruption;
    private readonly RunJournal _journal;
    private readonly ICakeLog _log;

    public HostExecutionStrategy(IExecutionStrategy inner, HostInterruption interruption, RunJournal journal, ICakeLog log)
    {
        _inner = inner;
        _interruption = interruption;
        _journal = journal;
        _log = log;
    }

    public async Task ExecuteAsync(CakeTask task, ICakeContext context)
    {
        _interruption.ThrowIfInterrupted();
        try
        {
            await _inner.ExecuteAsync(task, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (_interruption.IsInterrupted && ex is not BuildInterruptedException)
        {
            throw new BuildInterruptedException(ex);
        }

        // A task whose killed child process it did not check still must not count as a success.
        _interruption.ThrowIfInterrupted();
    }

    public void Skip(CakeTask task, CakeTaskCriteria criteria)
    {
        _inner.Skip(task, criteria);
        var reason = _journal.SkipReason(task.Name);
        if (reason is null)
        {
            _log.Information("Skipping task '{0}'.", task.Name);
        }
        else
        {
            _log.Information("Skipping task '{0}': {1}", task.Name, reason);
        }
    }

    public void PerformSetup(Action<ISetupContext> action, ISetupContext context) => _inner.PerformSetup(action, context);

    public void PerformTeardown(Action<ITeardownContext> action, ITeardownContext teardownContext) =>
        _inner.PerformTeardown(action, teardownContext);

    public Task ReportErrorsAsync(Func<Exception, Task> action, Exception exception) => _inner.ReportErrorsAsync(action, exception);

    public Task HandleErrorsAsync(Func<Exception, ICakeContext, Task> action, Exception exception, ICakeContext context) =>
        _inner.HandleErrorsAsync(action, exception, context);

    public Task InvokeFinallyAsync(Func<ICakeContext, Task> action, ICakeContext context) => _inner.InvokeFinallyAsync(action, context);

    public void PerformTaskSetup(Action<ITaskSetupContext> action, ITaskSetupContext taskSetupContext) =>
        _inner.PerformTaskSetup(action, taskSetupContext);

    public void PerformTaskTeardown(Action<ITaskTeardownContext> action, ITaskTeardownContext taskTeardownContext) =>
        _inner.PerformTaskTeardown(action, taskTeardownContext);
}
