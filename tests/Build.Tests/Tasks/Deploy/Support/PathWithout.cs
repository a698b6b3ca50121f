namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// A PATH that has every command of the current one except the named tools: one folder of links, so tools that
/// share /usr/bin with bash and dotnet can still be left out.
/// </summary>
public sealed class PathWithout : IDisposable
{
    private PathWithout(string directory)
    {
        Value = directory;
    }

    public string Value { get; }

    public static PathWithout Tools(params string[] tools)
    {
        var directory = Directory.CreateTempSubdirectory("path-without-").FullName;
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                var link = Path.Combine(directory, Path.GetFileName(file));
                if (!tools.Contains(Path.GetFileName(file)) && !File.Exists(link) && !Directory.Exists(link))
                {
                    File.CreateSymbolicLink(link, file);
                }
            }
        }
        return new PathWithout(directory);
    }

    public void Dispose() => Directory.Delete(Value, recursive: true);
}
