using Build.Tests.Support;

namespace Build.Tests.Security;

/// <summary>The recorded-format scanner reports (Fixtures/README.md) and triage files written for one test.</summary>
public static class ScannerReports
{
    public static string Path(string name) => System.IO.Path.Combine(RepoPaths.Root, "tests", "Build.Tests", "Security", "Fixtures", name);

    public static string Read(string name) => File.ReadAllText(Path(name));

    public static readonly DateOnly Future = new(2099, 12, 31);

    public static readonly DateOnly Past = new(2026, 1, 31);

    /// <summary>A triage file with one complete entry per (id, package, expires), in a temporary folder.</summary>
    public static TempTriageFile Triage(params (string Id, string Package, DateOnly Expires)[] entries) =>
        TempTriageFile.Write("triage:\n" + string.Concat(entries.Select(entry => $"""
              - id: {entry.Id}
                package: {entry.Package}
                reason: accepted for the test
                accepted-by: tests
                expires: {entry.Expires:yyyy-MM-dd}

            """)));
}

/// <summary>A triage file in its own temporary folder, deleted with the test.</summary>
public sealed class TempTriageFile : IDisposable
{
    private TempTriageFile(string path) => FilePath = path;

    public string FilePath { get; }

    /// <summary>The host argument that points a stage at this file.</summary>
    public string Argument => $"--triage-file={FilePath}";

    public static TempTriageFile Write(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("triage-").FullName;
        var path = Path.Combine(folder, "triage.yml");
        File.WriteAllText(path, yaml.Replace("\r", string.Empty));
        return new TempTriageFile(path);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(FilePath)!, recursive: true);
}
