using System.ComponentModel;

namespace Build.Frosting.Additions;

/// <summary>
/// A <see cref="FrostingContext"/> with what this host adds: the dry-run flag, the interruption token, skip reasons
/// and arguments whose conversion errors name the argument.
/// </summary>
public class HostContext : FrostingContext
{
    private readonly RunJournal? _journal;

    public HostContext(ICakeContext context)
        : base(context)
    {
        DryRun = HostService<CakeHostOptions>()?.DryRun ?? false;
        CancellationToken = HostService<HostInterruption>()?.Token ?? CancellationToken.None;
        _journal = HostService<RunJournal>();
    }

    /// <summary>
    /// True under <c>--dryrun</c>: processes are printed instead of started; tasks should skip other side effects
    /// (file writes, uploads) themselves.
    /// </summary>
    public bool DryRun { get; }

    /// <summary>Cancelled on SIGINT/SIGTERM; long-running task code should poll it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Like Cake's <c>Argument&lt;T&gt;(name, default)</c>, but a value that does not convert names the argument:
    /// <c>Invalid value 'abc' for argument --retries: ...</c>.
    /// </summary>
    public T Argument<T>(string name, T defaultValue)
    {
        if (Arguments.GetArguments(name)?.LastOrDefault() is not { } value)
        {
            return defaultValue;
        }

        try
        {
            return (T)TypeDescriptor.GetConverter(typeof(T)).ConvertFromInvariantString(value)!;
        }
        catch (Exception ex) when (ex is not CakeException)
        {
            // TypeConverter's ArgumentException ends in "(Parameter 'value')", which names the wrong thing.
            var reason = ex is ArgumentException { ParamName: { } parameter }
                ? ex.Message.Replace($" (Parameter '{parameter}')", string.Empty, StringComparison.Ordinal)
                : ex.Message;
            throw new CakeException($"Invalid value '{value}' for argument --{name}: {reason}");
        }
    }

    /// <summary>
    /// For <c>bool ShouldRun</c>: records why the task does not run (logged, in the summary's Skip Reason column and
    /// the step summary) and returns false. Cake.Frosting's own <c>SkippedMessage</c> is fixed before the run starts.
    /// </summary>
    public bool Skip(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A skipped task needs a reason: say why it does not run.", nameof(reason));
        }

        _journal?.SkipPending(reason);
        return false;
    }

    /// <summary>
    /// A service from the host's container, or null when the context was not made by the host (e.g. in unit tests).
    /// </summary>
    private T? HostService<T>()
        where T : class
    {
        try
        {
            return ServiceProvider?.GetService(typeof(T)) as T;
        }
        catch (CakeException)
        {
            return null;
        }
    }
}

/// <summary>
/// What the command line asked for; registered in DI so contexts and tasks can take it in their constructor.
/// </summary>
public sealed record CakeHostOptions(IReadOnlyList<string> Targets, bool Exclusive, bool DryRun);
