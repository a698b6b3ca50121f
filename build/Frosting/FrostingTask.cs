namespace Build.Frosting;

/// <summary>A synchronous task. Public non-abstract subclasses are found by the host and built through DI.</summary>
/// <typeparam name="TContext">The context the task runs with; the host's context must be assignable to it.</typeparam>
public abstract class FrostingTask<TContext> : IFrostingTask
    where TContext : ICakeContext
{
    Type IFrostingTask.ContextType => typeof(TContext);

    /// <summary>The task's work. Aggregate tasks leave it empty.</summary>
    public virtual void Run(TContext context)
    {
    }

    /// <summary>Whether the task runs; return <see cref="RunDecision.Skip"/> with a reason to skip it.</summary>
    public virtual RunDecision ShouldRun(TContext context) => RunDecision.Run;

    /// <summary>Called when the task failed; the failure still fails the run unless the task has [ContinueOnError].</summary>
    public virtual void OnError(Exception exception, TContext context)
    {
    }

    /// <summary>Called after the task ran, whether it failed or not.</summary>
    public virtual void Finally(TContext context)
    {
    }

    Task IFrostingTask.RunAsync(ICakeContext context)
    {
        Run((TContext)context);
        return Task.CompletedTask;
    }

    RunDecision IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun((TContext)context);

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, (TContext)context);

    void IFrostingTask.Finally(ICakeContext context) => Finally((TContext)context);
}
