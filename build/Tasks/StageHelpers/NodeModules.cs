namespace Build.Tasks.StageHelpers;

/// <summary>
/// Installs a package's dependencies (the frontend's, the E2E tests') with <c>npm ci</c> when node_modules is missing or
/// older than package-lock.json.
/// A fresh CI checkout has no node_modules (setup-node restores only npm's download cache), so CI always installs;
/// a local run with an up-to-date install skips the minute npm ci costs.
/// </summary>
internal static class NodeModules
{
    private const string LockFile = "package-lock.json";
    private const string Folder = "node_modules";

    // npm rewrites this copy of the lock file at the end of every install: its time is the install's time.
    private const string InstalledLockFile = "node_modules/.package-lock.json";

    public static ToolRequirement[] Requirements => [NpmSettings.Spec.Requirement(), NodeRuntime.Requirement(SovdPipeline.NodeVersion)];

    public static void EnsureInstalled(BuildContext context, DirectoryPath package)
    {
        var reason = WhyInstall(package);
        if (reason is null)
        {
            context.Information("{0}", $"{Folder} is up to date with {LockFile}: no npm ci");
            return;
        }
        context.Information("{0}", $"npm ci: {reason}");
        context.NpmCi(new NpmSettings { WorkingDirectory = package });
    }

    private static string? WhyInstall(DirectoryPath package)
    {
        var lockFile = package.CombineWithFilePath(LockFile).FullPath;
        if (!File.Exists(lockFile))
        {
            throw new CakeException($"No {LockFile} in {package.FullPath}: npm ci installs from it. Run 'npm install' there once and commit the lock file.");
        }
        var folder = package.Combine(Folder).FullPath;
        if (!Directory.Exists(folder))
        {
            return $"{Folder} is missing";
        }
        // Without npm's own record the folder is an interrupted or emptied install, however new it looks.
        var marker = package.CombineWithFilePath(InstalledLockFile).FullPath;
        if (!File.Exists(marker))
        {
            return $"{Folder} has no {InstalledLockFile} (an incomplete install)";
        }
        return File.GetLastWriteTimeUtc(lockFile) > File.GetLastWriteTimeUtc(marker) ? $"{Folder} is older than {LockFile}" : null;
    }
}
