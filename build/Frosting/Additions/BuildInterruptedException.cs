namespace Build.Frosting.Additions;

/// <summary>The failure of the task that was running when SIGINT/SIGTERM arrived.</summary>
internal sealed class BuildInterruptedException : Exception
{
    public BuildInterruptedException(Exception? inner = null)
        : base("Interrupted", inner)
    {
    }
}
