using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Tools.Support;

/// <summary>
/// A context whose PATH is a temporary folder of empty stand-in executables and whose processes are recorded, never started.
/// Real Cake <see cref="FileSystem"/> and <see cref="CakeEnvironment"/>.
/// </summary>
public sealed class ToolFixture : IDisposable
{
    public static readonly string[] AllTools = ["docker", "docker-compose", "helm", "kubectl", "trivy", "npm", "npx", "python3"];

    private readonly string _bin = Directory.CreateTempSubdirectory("tools-bin-").FullName;

    public ToolFixture(params string[] installed)
    {
        foreach (var tool in installed.Length == 0 ? AllTools : installed)
        {
            Install(tool);
        }
        Context = new FakeCakeContext(
            new FileSystem(), new CakeEnvironment(new CakePlatform(), new CakeRuntime()), Log, Runner, new DirectoryToolLocator(_bin));
    }

    public RecordingProcessRunner Runner { get; } = new();

    public RecordingLog Log { get; } = new();

    public ICakeContext Context { get; }

    /// <summary>The stand-in interpreter, to set as PythonPath.</summary>
    public FilePath Python => new(System.IO.Path.Combine(_bin, "python3"));

    public string Bin => _bin;

    public void Install(string tool) => File.WriteAllText(System.IO.Path.Combine(_bin, tool), "");

    public void Dispose() => Directory.Delete(_bin, recursive: true);
}
