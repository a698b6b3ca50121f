using System.Text.RegularExpressions;
using Build.Tests.Support;

namespace Build.Tests.Host;

/// <summary>`build/README.md`, the host's map, names only folders and files that exist and every folder of build/.</summary>
public sealed partial class BuildMapTests
{
    private static readonly string Map = File.ReadAllText(Path.Combine(RepoPaths.Root, "build", "README.md"));

    [Fact]
    public void Map_EveryPathItNames_Exists()
    {
        var missing = NamedPaths().Where(path => !File.Exists(Full(path)) && !Directory.Exists(Full(path))).ToList();

        missing.Should().BeEmpty("build/README.md must name only what exists; move its lines with the code");
    }

    [Fact]
    public void Map_EveryFolderOfBuild_IsNamed()
    {
        var named = NamedPaths().Select(path => path.TrimEnd('/')).ToHashSet();
        var folders = Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, "build"), "*", SearchOption.AllDirectories)
            .Select(folder => Path.GetRelativePath(RepoPaths.Root, folder).Replace('\\', '/'))
            .Where(folder => !folder.Split('/').Any(part => part is "bin" or "obj"));

        folders.Where(folder => !named.Contains(folder) && !NamedAsChild(folder)).Should()
            .BeEmpty("a new folder of build/ goes into build/README.md with what it holds");
    }

    [Fact]
    public void NamedPaths_ReadsBackquotedPathsAndChildFoldersOfTheirRow()
    {
        NamedPaths().Should().Contain(["build/Deploy/", "build/Tools/", "tests/Build.Tests/Tasks/Deploy/"]);
        NamedAsChild("build/Tools/Helm").Should().BeTrue("the tools row names `Helm/` after `build/Tools/`");
        NamedAsChild("build/Nowhere").Should().BeFalse();
    }

    private static IEnumerable<string> NamedPaths() =>
        PathInBackquotes().Matches(Map).Select(match => match.Groups[1].Value).Distinct();

    /// <summary>A row names subfolders in short (`Internal/`, `Helm/`) after the folder they sit in.</summary>
    private static bool NamedAsChild(string folder)
    {
        var parent = folder[..folder.LastIndexOf('/')] + "/";
        var child = $"`{folder[(parent.Length)..]}/`";
        return Map.Split('\n').Any(line => line.Contains($"`{parent}`", StringComparison.Ordinal) && line.Contains(child, StringComparison.Ordinal));
    }

    private static string Full(string path) => Path.Combine(RepoPaths.Root, path);

    [GeneratedRegex(@"`((?:build|tests|src|docs)/[^`*\s]*)`")]
    private static partial Regex PathInBackquotes();
}
