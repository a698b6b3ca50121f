namespace Pipeline.Definition.Tests.Linting.Support;

/// <summary>The repository root: the nearest folder above the test assembly that holds Pipeline.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No Pipeline.sln found in {AppContext.BaseDirectory} or any folder above it; run the tests inside the repository.");
    }
}
