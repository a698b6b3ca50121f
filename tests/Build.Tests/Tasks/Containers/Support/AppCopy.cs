using Build.Tests.Support;

namespace Build.Tests.Tasks.Containers.Support;

/// <summary>
/// A copy of the sample app to plant a defect in (samples/ is never changed in place). node_modules are linked, not
/// copied; copied files keep their times, so the stages see the dependencies as installed and never run npm ci here.
/// </summary>
public sealed class AppCopy : IDisposable
{
    private static readonly string[] Skipped = ["node_modules", "dist", "reports", "test-results", "__pycache__", ".pytest_cache", "coverage"];
    private static readonly string[] LinkedModules = ["frontend", "e2e"];

    public AppCopy()
    {
        Root = Directory.CreateTempSubdirectory("sovd-app-").FullName;
        Copy(RepoPaths.App, Root);
        foreach (var package in LinkedModules)
        {
            Directory.CreateSymbolicLink(Path.Combine(Root, package, "node_modules"), Path.Combine(RepoPaths.App, package, "node_modules"));
        }
    }

    public string Root { get; }

    /// <summary>The value for <c>--app-root</c>: relative to the repository, which the host resolves it against.</summary>
    public string AppRootArgument => $"--app-root={Path.GetRelativePath(RepoPaths.Root, Root)}";

    /// <summary>Replaces text that must be there, so a changed sample fails the test loudly instead of planting nothing.</summary>
    public void Replace(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        text.Should().Contain(oldText, "the defect is planted by replacing this text in {0}", relativePath);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Write(string relativePath, string content) => File.WriteAllText(Path.Combine(Root, relativePath), content);

    public void Dispose()
    {
        // Unlink first: a recursive delete must never walk into the real node_modules.
        foreach (var package in LinkedModules)
        {
            File.Delete(Path.Combine(Root, package, "node_modules"));
        }
        Directory.Delete(Root, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = Path.Combine(to, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
        foreach (var dir in Directory.GetDirectories(from).Where(dir => !Skipped.Contains(Path.GetFileName(dir))))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
