namespace Build.Tests.Support;

/// <summary>
/// A temporary copy of the sample app, or of some of its folders, for planting a defect without touching samples/.
/// node_modules are symlinked to the sample's, not copied (read-only use: copied files keep their times, so the stages
/// see the dependencies as installed and never reinstall them).
/// </summary>
public sealed class AppCopy : IDisposable
{
    private static readonly string[] Skipped = ["node_modules", ".mypy_cache", "__pycache__", ".pytest_cache", "coverage", "reports", "dist", "test-results"];
    private static readonly string[] LinkedModules = ["frontend", "e2e"];

    private AppCopy(string root) => Root = root;

    /// <summary>The copy's app root, for <c>--app-root</c>.</summary>
    public string Root { get; }

    /// <summary>The value for <c>--app-root</c>: relative to the repository, which the host resolves it against.</summary>
    public string AppRootArgument => $"--app-root={Path.GetRelativePath(RepoPaths.Root, Root)}";

    /// <summary>A copy of <paramref name="parts"/> (folders of the app), or of the whole app when none are given.</summary>
    public static AppCopy Of(params string[] parts)
    {
        var copy = new AppCopy(Directory.CreateTempSubdirectory("sovd-app-").FullName);
        foreach (var part in parts.Length == 0 ? [string.Empty] : parts)
        {
            CopyFolder(Path.Combine(RepoPaths.App, part), Path.Combine(copy.Root, part));
        }
        foreach (var package in LinkedModules.Where(package => Directory.Exists(copy.PathOf(package))))
        {
            var modules = Path.Combine(RepoPaths.App, package, "node_modules");
            if (Directory.Exists(modules))
            {
                Directory.CreateSymbolicLink(copy.PathOf($"{package}/node_modules"), modules);
            }
        }
        return copy;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public AppCopy Write(string relative, string content)
    {
        File.WriteAllText(PathOf(relative), content.Replace("\r", string.Empty));
        return this;
    }

    public AppCopy Append(string relative, string content)
    {
        File.AppendAllText(PathOf(relative), content.Replace("\r", string.Empty));
        return this;
    }

    /// <summary>Replaces text that must be there, so a changed sample fails the test loudly instead of planting nothing.</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var text = File.ReadAllText(PathOf(relative));
        text.Should().Contain(oldText, "the defect is planted by replacing this text in {0}", relative);
        File.WriteAllText(PathOf(relative), text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Deletes the files matching <paramref name="pattern"/> under <paramref name="folder"/> except <paramref name="keep"/>.</summary>
    public AppCopy DeleteExcept(string folder, string pattern, params string[] keep)
    {
        foreach (var file in Directory.GetFiles(PathOf(folder), pattern, SearchOption.AllDirectories))
        {
            if (!keep.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
        return this;
    }

    public void Dispose()
    {
        // Unlink first: a recursive delete must never walk into the sample's node_modules behind a link.
        foreach (var link in LinkedModules.Select(package => PathOf($"{package}/node_modules")))
        {
            if (new FileInfo(link).LinkTarget is not null)
            {
                File.Delete(link);
            }
        }
        Directory.Delete(Root, recursive: true);
    }

    private static void CopyFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            var copied = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copied);
            File.SetLastWriteTimeUtc(copied, File.GetLastWriteTimeUtc(file));
        }
        foreach (var folder in Directory.GetDirectories(source).Where(folder => !Skipped.Contains(Path.GetFileName(folder))))
        {
            CopyFolder(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
