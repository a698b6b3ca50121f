using Build.Tools.Npm;
using Cake.Core.IO;

namespace Build.Containers;

/// <summary>Installs a package's dependencies only when they are missing or older than its lock file.</summary>
public static class NodeModules
{
    public static void EnsureInstalled(BuildContext context, DirectoryPath package)
    {
        var lockFile = package.CombineWithFilePath("package-lock.json").FullPath;
        // npm writes this file on every install; it is newer than the lock file when node_modules matches it.
        var installed = package.Combine("node_modules").CombineWithFilePath(".package-lock.json").FullPath;
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(lockFile))
        {
            context.Information($"{package.GetDirectoryName()}/node_modules matches package-lock.json; skipping npm ci");
            return;
        }
        context.NpmCi(new NpmCiSettings { WorkingDirectory = package, PreferOffline = true });
    }
}
