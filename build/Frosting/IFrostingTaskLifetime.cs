namespace Build.Frosting;

/// <summary>Setup and teardown around every task; derive from <see cref="FrostingTaskLifetime{TContext}"/>.</summary>
public interface IFrostingTaskLifetime
{
    void Setup(ICakeContext context, ITaskSetupContext info);

    void Teardown(ICakeContext context, ITaskTeardownContext info);
}
