using Cake.Core.IO;

namespace Build.Tasks.Code;

/// <summary>An artifact folder a stage writes its reports to.</summary>
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

    /// <summary>The report's path, or null when the tool did not write it (it crashed or was interrupted).</summary>
    public static string? Existing(FilePath report) => File.Exists(report.FullPath) ? report.FullPath : null;
}
