using System.Security.Cryptography;

namespace Build.Deploy;

/// <summary>
/// The kinds a set of chart renders holds, kept in a directory by a hash of all that
/// <c>helm template</c> reads: the helm binary (path, size, time), every file of the chart and each render's command.
/// Generate-Workflow and Check-Workflow derive the RBAC manifest on every run, and its renders were most of their
/// time; an unchanged chart answers from the cache, a changed file or another helm renders again.
/// </summary>
public sealed class RenderCache(DirectoryPath directory)
{
    /// <summary>The cache of this repository's builds, under the ignored .build folder.</summary>
    public static RenderCache Of(BuildContext context) => new(context.RepoRoot.Combine(".build/cache/rbac-renders"));

    /// <summary>
    /// The cached kinds, else <paramref name="render"/>'s, kept when it found any (a dry run renders nothing).
    /// </summary>
    public IReadOnlyList<KubeResource> Kinds(DirectoryPath chart, IReadOnlyList<ChartRender> renders, FilePath? helm,
        Func<IReadOnlyList<KubeResource>> render)
    {
        if (helm is null || !File.Exists(helm.FullPath))
        {
            return render();
        }
        var entry = directory.CombineWithFilePath($"{Key(chart, renders, helm)}.txt").FullPath;
        if (File.Exists(entry))
        {
            return [.. File.ReadAllLines(entry).Select(line => line.Split(' '))
                .Select(fields => new KubeResource(fields[0], fields[1]))];
        }
        var kinds = render();
        if (kinds.Count > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(entry)!);
            var partial = $"{entry}.{Environment.ProcessId}";
            File.WriteAllLines(partial, kinds.Select(kind => $"{kind.Group} {kind.Resource}"));
            File.Move(partial, entry, overwrite: true);
        }
        return kinds;
    }

    private static string Key(DirectoryPath chart, IEnumerable<ChartRender> renders, FilePath helm)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        var binary = new FileInfo(helm.FullPath);
        Add($"{binary.FullName} {binary.Length} {binary.LastWriteTimeUtc.Ticks}");
        var root = chart.FullPath;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Order(StringComparer.Ordinal))
        {
            Add(Path.GetRelativePath(root, file));
            hash.AppendData(File.ReadAllBytes(file));
        }
        foreach (var render in renders)
        {
            Add(render.ToString());
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
