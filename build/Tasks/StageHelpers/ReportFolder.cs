namespace Build.Tasks.StageHelpers;

/// <summary>The folders and files a stage writes its reports and artifacts to. A dry run changes none of them.</summary>
internal static class ReportFolder
{
    /// <summary>Empties the folder first, so a report left by an earlier run is never uploaded or read as this run's.</summary>
    public static DirectoryPath Reset(BuildContext context, DirectoryPath folder)
    {
        if (context.DryRun)
        {
            context.Information("{0}", $"[dry-run] would empty {folder.FullPath}");
            return folder;
        }
        if (Directory.Exists(folder.FullPath))
        {
            Directory.Delete(folder.FullPath, recursive: true);
        }
        Directory.CreateDirectory(folder.FullPath);
        return folder;
    }

    /// <summary>Makes way for a file a tool writes outside a report folder: its folder exists, an earlier run's copy is gone.</summary>
    public static void Clear(BuildContext context, FilePath file)
    {
        if (context.DryRun)
        {
            return;
        }
        Directory.CreateDirectory(file.GetDirectory().FullPath);
        File.Delete(file.FullPath);
    }

    /// <summary>Writes a file the stage made itself, unless it already holds <paramref name="content"/>; says which.</summary>
    public static string Write(BuildContext context, FilePath file, string content)
    {
        if (context.DryRun)
        {
            return "[dry-run] would write it";
        }
        if (File.Exists(file.FullPath) && File.ReadAllText(file.FullPath) == content)
        {
            return "unchanged";
        }
        Directory.CreateDirectory(file.GetDirectory().FullPath);
        File.WriteAllText(file.FullPath, content);
        return "written";
    }
}
