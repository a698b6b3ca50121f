namespace Build.Frosting;

/// <summary>What the host needs from a task, independent of its context type.</summary>
internal interface IFrostingTask
{
    Type ContextType { get; }

    Task RunAsync(ICakeContext context);

    RunDecision ShouldRun(ICakeContext context);

    void OnError(Exception exception, ICakeContext context);

    void Finally(ICakeContext context);
}
