namespace Build.Tasks.StageHelpers;

/// <summary>
/// Installs a package's dependencies (the frontend's, the E2E tests') with <c>npm ci</c> when node_modules is missing
/// or older than package-lock.json.
/// A fresh CI checkout has no node_modules (setup-node restores only npm's download cache), so CI always installs;
/// a local run with an up-to-date install skips the minute npm ci costs.
/// </summary>
internal static class NodeModules
{
    private const string LockFile = "package-lock.json";
    private const string Folder = "node_modules";

    // npm rewrites this copy of the lock file at the end of every install: its time is the install's time.
    private const string InstalledLockFile = "node_modules/.package-lock.json";

    public static ToolRequirement[] Requirements =>
        [NpmSettings.Spec.Requirement(), NodeRuntime.Requirement(SovdPipeline.NodeVersion)];

    public static void EnsureInstalled(BuildContext context, DirectoryPath package)
    {
        var reason = WhyInstall(context.FileSystem, package);
        if (reason is null)
        {
            context.Information("{0}", $"{Folder} is up to date with {LockFile}: no npm ci");
            return;
        }
        context.Information("{0}", $"npm ci: {reason}");
        context.NpmCi(new NpmSettings { WorkingDirectory = package });
    }

    /// <summary>
    /// Why <c>npm ci</c> must run in <paramref name="package"/>, or null when its install is current.
    /// </summary>
    internal static string? WhyInstall(IFileSystem fileSystem, DirectoryPath package)
    {
        var lockFile = fileSystem.GetFile(package.CombineWithFilePath(LockFile));
        if (!lockFile.Exists)
        {
            throw new CakeException(
                $"No {LockFile} in {package.FullPath}: npm ci installs from it. " +
                "Run 'npm install' there once and commit the lock file.");
        }
        if (!fileSystem.Exist(package.Combine(Folder)))
        {
            return $"{Folder} is missing";
        }
        // Without npm's own record the folder is an interrupted or emptied install, however new it looks.
        var marker = fileSystem.GetFile(package.CombineWithFilePath(InstalledLockFile));
        if (!marker.Exists)
        {
            return $"{Folder} has no {InstalledLockFile} (an incomplete install)";
        }
        return lockFile.LastWriteTimeUtc > marker.LastWriteTimeUtc ? $"{Folder} is older than {LockFile}" : null;
    }
}
