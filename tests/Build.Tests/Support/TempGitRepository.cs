using System.Diagnostics;

namespace Build.Tests.Support;

/// <summary>A real git repository in a temporary folder: main A → B, and a branch "side" with C off A.</summary>
public sealed class TempGitRepository : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("git-history-");

    public TempGitRepository()
    {
        Git("init", "-q", "-b", "main");
        A = Commit("a");
        B = Commit("b");
        Git("checkout", "-q", "-b", "side", A);
        C = Commit("c");
    }

    public string Path => _folder.FullName;

    public string A { get; }

    public string B { get; }

    public string C { get; }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Commit(string name)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, name), name);
        Git("add", name);
        Git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", name);
        return Git("rev-parse", "HEAD").Trim();
    }

    private string Git(params string[] arguments)
    {
        var info = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, error);
        return output;
    }
}
