namespace Build.Frosting.Additions;

internal static class HostServices
{
    /// <summary>A service from the host's container, or null when the context was not made by the host (e.g. in unit tests).</summary>
    public static T? Find<T>(ICakeContext context)
        where T : class
    {
        try
        {
            return context.ServiceProvider?.GetService(typeof(T)) as T;
        }
        catch (CakeException)
        {
            return null;
        }
    }
}
