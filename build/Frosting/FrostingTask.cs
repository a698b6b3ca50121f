namespace Build.Frosting;

public abstract class FrostingTask<T> : IFrostingTask
    where T : ICakeContext
{
    public virtual void Run(T context)
    {
    }

    public virtual bool ShouldRun(T context) => true;

    /// <summary>Called when the task failed; unlike in Cake.Frosting, the failure still fails the run.</summary>
    public virtual void OnError(Exception exception, T context)
    {
    }

    public virtual void Finally(T context)
    {
    }

    Task IFrostingTask.RunAsync(ICakeContext context)
    {
        Run((T)context);
        return Task.CompletedTask;
    }

    bool IFrostingTask.ShouldRun(ICakeContext context) => ShouldRun((T)context);

    void IFrostingTask.OnError(Exception exception, ICakeContext context) => OnError(exception, (T)context);

    void IFrostingTask.Finally(ICakeContext context) => Finally((T)context);
}

public interface IFrostingTask
{
    /// <summary>
    /// Cake.Frosting's fixed skip message; a reason decided at run time goes through <c>context.Skip(reason)</c>.
    /// </summary>
    string SkippedMessage => string.Empty;

    Task RunAsync(ICakeContext context);

    bool ShouldRun(ICakeContext context);

    void OnError(Exception exception, ICakeContext context);

    void Finally(ICakeContext context);
}

/// <summary>The context tasks receive; derive from it for a typed build context created through DI.</summary>
public class FrostingContext(ICakeContext context) : CakeContextAdapter(context), IFrostingContext;

/// <summary>
/// The service <see cref="CakeHost.UseContext{TContext}"/> registers; the host creates the run's context through it.
/// </summary>
public interface IFrostingContext : ICakeContext;
