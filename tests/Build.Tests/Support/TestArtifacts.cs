using Pipeline.Definition.Stages;

namespace Build.Tests.Support;

/// <summary>
/// Where this test process's host runs write their artifacts: <see cref="HostRun"/> passes it as --artifacts-root unless
/// a test names its own. A test run so leaves the repository's .artifacts alone; a Push-Images test's images.json there
/// would be the default of the next local deploy, and the images archive alone is hundreds of megabytes.
/// </summary>
public static class TestArtifacts
{
    public static string Root { get; } = Create();

    /// <summary>The folder of a definition's artifact (its path below .artifacts) under <see cref="Root"/>.</summary>
    public static string Of(Artifact artifact) => Path.Combine(Root, artifact.Folder);

    private static string Create()
    {
        var root = Directory.CreateTempSubdirectory("build-tests-artifacts-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        return root;
    }
}
