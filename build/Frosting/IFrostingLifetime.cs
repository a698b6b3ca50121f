namespace Build.Frosting;

/// <summary>Setup and teardown of the whole run; derive from <see cref="FrostingLifetime{TContext}"/>.</summary>
public interface IFrostingLifetime
{
    void Setup(ICakeContext context, ISetupContext info);

    void Teardown(ICakeContext context, ITeardownContext info);
}
