namespace Build.Tasks.StageHelpers;

/// <summary>
/// The folders and files a stage writes its reports and artifacts to, through Cake's file system
/// (<c>context.FileSystem</c>) so in-process tests hand in their own. A dry run changes none of them.
/// </summary>
internal static class ReportFolder
{
    /// <summary>
    /// Empties the folder first, so a report left by an earlier run is never uploaded or read as this run's.
    /// </summary>
    public static DirectoryPath Reset(BuildContext context, DirectoryPath folder)
    {
        if (context.DryRun)
        {
            context.Information("{0}", $"[dry-run] would empty {folder.FullPath}");
            return folder;
        }
        // Delete and create rather than Cake's CleanDirectory, which walks the tree and would follow a symlink in it.
        var directory = context.FileSystem.GetDirectory(folder);
        if (directory.Exists)
        {
            directory.Delete(recursive: true);
        }
        directory.Create();
        return folder;
    }

    /// <summary>
    /// Makes way for a file a tool writes outside a report folder: its folder exists, an earlier run's copy is gone.
    /// </summary>
    public static void Clear(BuildContext context, FilePath file)
    {
        if (context.DryRun)
        {
            return;
        }
        context.FileSystem.GetDirectory(file.GetDirectory()).Create();
        if (context.FileSystem.GetFile(file) is { Exists: true } earlier)
        {
            earlier.Delete();
        }
    }

    /// <summary>
    /// Writes a file the stage made itself, unless it already holds <paramref name="content"/>; says which.
    /// </summary>
    public static string Write(BuildContext context, FilePath file, string content)
    {
        if (context.DryRun)
        {
            return "[dry-run] would write it";
        }
        if (context.FileSystem.Exist(file) && context.FileSystem.ReadAllText(file) == content)
        {
            return "unchanged";
        }
        context.FileSystem.GetDirectory(file.GetDirectory()).Create();
        context.FileSystem.WriteAllText(file, content);
        return "written";
    }
}
