namespace Build.Frosting;

public interface IFrostingTask
{
    /// <summary>Cake.Frosting's fixed skip message; a reason decided at run time goes through <c>context.Skip(reason)</c>.</summary>
    string SkippedMessage => string.Empty;

    Task RunAsync(ICakeContext context);

    bool ShouldRun(ICakeContext context);

    void OnError(Exception exception, ICakeContext context);

    void Finally(ICakeContext context);
}
