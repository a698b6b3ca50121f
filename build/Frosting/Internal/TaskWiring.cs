using System.Runtime.ExceptionServices;

namespace Build.Frosting.Internal;

/// <summary>
/// Turns a task object into Cake actions. Unlike Cake, OnError does not swallow the failure: it is wired as Cake's
/// error *reporter*, so the failure still fails the run. Only [ContinueOnError] installs an error *handler*.
/// </summary>
internal sealed class TaskWiring(ICakeContext context, RunJournal journal, IReadOnlySet<string> targets, ICakeLog log)
{
    public void Attach(CakeTask cakeTask, TaskDescriptor descriptor, IFrostingTask task)
    {
        var name = descriptor.Name;
        cakeTask.Actions.Add(_ => task.RunAsync(context));
        cakeTask.AddCriteria(_ => ShouldRun(name, task));
        cakeTask.SetErrorReporter(ex => CallOnError(name, task, ex));
        cakeTask.FinallyHandler = _ =>
        {
            task.Finally(context);
            return Task.CompletedTask;
        };
        if (descriptor.ContinueOnError)
        {
            cakeTask.SetErrorHandler((ex, _) => Continue(name, ex));
        }
    }

    private bool ShouldRun(string name, IFrostingTask task)
    {
        var run = journal.Decide(name, () => task.ShouldRun(context), task.SkippedMessage);
        if (!run && targets.Contains(name))
        {
            // Cake fails a run whose target is skipped; say why instead of its generic criteria message.
            var reason = journal.SkipReason(name) ?? "ShouldRun returned false";
            throw new CakeException($"Could not reach target '{name}' since it was skipped: {reason}.");
        }

        return run;
    }

    private void CallOnError(string name, IFrostingTask task, Exception exception)
    {
        try
        {
            task.OnError(exception, context);
        }
        catch (Exception ex)
        {
            log.Error("OnError of task '{0}' failed too: {1}", name, ex.Message);
        }
    }

    private void Continue(string name, Exception exception)
    {
        if (exception is BuildInterruptedException)
        {
            ExceptionDispatchInfo.Throw(exception);
        }

        journal.MarkContinued(name);
        log.Warning("Task '{0}' failed; the run continues ([ContinueOnError]): {1}", name, exception.Message);
    }
}
