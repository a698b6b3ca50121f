using Build.Tests.Support;

namespace Build.Tests.Tasks.Code.Support;

/// <summary>
/// A temporary copy of part of the sample app, for planting a defect without touching samples/.
/// The frontend is copied without node_modules, which is symlinked to the sample's (read-only use: the copy's
/// package-lock.json keeps the sample's time, so the stages see node_modules as current and never reinstall it).
/// </summary>
public sealed class AppCopy : IDisposable
{
    private static readonly string[] Skipped = ["node_modules", ".mypy_cache", "__pycache__", ".pytest_cache", "coverage", "reports", "dist"];

    private AppCopy(string root) => Root = root;

    /// <summary>The copy's app root, for <c>--app-root</c>.</summary>
    public string Root { get; }

    public static AppCopy Of(params string[] parts)
    {
        var copy = new AppCopy(Directory.CreateTempSubdirectory("sovd-app-").FullName);
        foreach (var part in parts)
        {
            CopyFolder(Path.Combine(RepoPaths.App, part), Path.Combine(copy.Root, part));
        }
        var modules = Path.Combine(RepoPaths.App, "frontend", "node_modules");
        if (parts.Contains("frontend") && Directory.Exists(modules))
        {
            Directory.CreateSymbolicLink(Path.Combine(copy.Root, "frontend", "node_modules"), modules);
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
        var link = Path.Combine(Root, "frontend", "node_modules");
        if (new FileInfo(link).LinkTarget is not null)
        {
            File.Delete(link); // the link only, never the sample's node_modules behind it
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
