namespace Sample.Tests.Support;

/// <summary>
/// One production build of the sample frontend (vite build): its folder, its page and its hashed assets by URL path
/// (/assets/index-AbC123.js).
/// </summary>
public sealed record FrontendBuild(string Name, string Folder, string Page, IReadOnlyDictionary<string, byte[]> Assets)
{
    private static FrontendBuild Read(string name, string folder) => new(
        name,
        folder,
        File.ReadAllText(Path.Combine(folder, "index.html")),
        Directory.GetFiles(Path.Combine(folder, "assets")).ToDictionary(file => "/assets/" + Path.GetFileName(file), File.ReadAllBytes));

    /// <summary>
    /// Builds a copy of the sample frontend with <paramref name="edit"/> applied to the copy's sources, using the
    /// frontend's own node_modules (npm ci in samples/sovd-webapp/frontend; scripts/setup-machine.sh does it).
    /// </summary>
    public static FrontendBuild Make(string name, string workRoot, Action<string> edit)
    {
        var frontend = Path.Combine(RepoPaths.SampleApp, "frontend");
        var vite = Path.Combine(frontend, "node_modules", "vite", "bin", "vite.js");
        if (!File.Exists(vite))
        {
            throw new InvalidOperationException($"vite is not installed: run `npm ci` in {frontend} (scripts/setup-machine.sh does it).");
        }

        var source = Path.Combine(workRoot, $"{name}-src");
        CopySources(frontend, source);
        edit(source);
        var output = Path.Combine(workRoot, name);
        var node = ProcessRunner.FindOnPath("node", Environment.GetEnvironmentVariable("PATH"))
            ?? throw new InvalidOperationException("node not found on PATH; install Node.js 20 or later.");
        var result = ProcessRunner.Run(node, [vite, "build", "--outDir", output, "--emptyOutDir", "--logLevel", "warn"], source);
        result.Succeeded.Should().BeTrue(result.Describe());
        return Read(name, output);
    }

    private static void CopySources(string frontend, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "index.html", "vite.config.ts", "tsconfig.json", "package.json" })
        {
            File.Copy(Path.Combine(frontend, file), Path.Combine(target, file));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(frontend, "src"), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(frontend, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        File.CreateSymbolicLink(Path.Combine(target, "node_modules"), Path.Combine(frontend, "node_modules"));
    }
}
