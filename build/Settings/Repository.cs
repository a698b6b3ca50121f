namespace Build.Settings;

/// <summary>Where the repository is, found from the host's own location so build.sh works from any folder.</summary>
public static class Repository
{
    /// <summary>The solution at the root: it marks the repository, and Test-Pipeline tests it.</summary>
    public const string Solution = "Pipeline.sln";

    public static string Root { get; } = Find(AppContext.BaseDirectory) ?? Find(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException(
            $"No {Solution} above {AppContext.BaseDirectory}: run the host from a clone of the repository.");

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, Solution)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
