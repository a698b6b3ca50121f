namespace Build.Tests.Support;

/// <summary>Paths of the repository the tests run in.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string BuildScript => Path.Combine(Root, "build.sh");

    public static string App => Path.Combine(Root, "samples", "sovd-webapp");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pipeline.sln not found above the test assembly.");
    }
}
