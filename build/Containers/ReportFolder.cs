using Cake.Core.IO;

namespace Build.Containers;

/// <summary>A stage's artifact folder, emptied first so an upload never mixes in a previous run's files.</summary>
public static class ReportFolder
{
    public static void Reset(BuildContext context, DirectoryPath folder)
    {
        if (context.DryRun)
        {
            return;
        }
        if (Directory.Exists(folder.FullPath))
        {
            Directory.Delete(folder.FullPath, recursive: true);
        }
        Directory.CreateDirectory(folder.FullPath);
    }
}
