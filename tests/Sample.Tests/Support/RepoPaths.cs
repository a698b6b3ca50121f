namespace Sample.Tests.Support;

/// <summary>Locations inside the repository, found from the test binary by walking up to Pipeline.sln.</summary>
public static class RepoPaths
{
    private const string SolutionFile = "Pipeline.sln";

    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    public static string SampleApp => Path.Combine(Root, "samples", "sovd-webapp");

    public static string Chart => Path.Combine(SampleApp, "infrastructure", "helm", "sovd-webapp");

    public static string ComposeFile => Path.Combine(SampleApp, "docker-compose.yml");

    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No {SolutionFile} found in '{start}' or any parent folder; run the tests from inside the repository.");
    }
}
