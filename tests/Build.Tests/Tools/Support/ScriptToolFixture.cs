using Cake.Core;
using Cake.Core.Configuration;
using Cake.Core.IO;
using Pipeline.Tests.Shared;

namespace Build.Tests.Tools.Support;

/// <summary>
/// Cake's real <see cref="ProcessRunner"/> starting small shell scripts that stand in for a tool and write down
/// the argv and standard input they received, so the bytes that really reach a process can be checked.
/// </summary>
public sealed class ScriptToolFixture : IDisposable
{
    private const string RecordingScript = "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$0.argv\"\ncat > \"$0.stdin\"\n";

    private readonly string _bin = Directory.CreateTempSubdirectory("tools-scripts-").FullName;

    public ScriptToolFixture(params string[] tools)
    {
        HermeticEnvironment.RefuseInFastTier();
        foreach (var tool in tools)
        {
            var path = System.IO.Path.Combine(_bin, tool);
            File.WriteAllText(path, RecordingScript);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        var fileSystem = new FileSystem();
        var environment = new CakeEnvironment(new CakePlatform(), new CakeRuntime());
        var locator = new DirectoryToolLocator(_bin);
        var runner = new ProcessRunner(fileSystem, environment, Log, locator, new CakeConfiguration(new Dictionary<string, string>()));
        Context = new FakeCakeContext(fileSystem, environment, Log, runner, locator);
    }

    public RecordingLog Log { get; } = new();

    public ICakeContext Context { get; }

    /// <summary>The arguments the script received, one per line, as the OS split them.</summary>
    public IReadOnlyList<string> Argv(string tool) => File.ReadAllLines(System.IO.Path.Combine(_bin, tool + ".argv"));

    /// <summary>Replaces a tool's recording script by <paramref name="body"/> (a sh script without the #! line).</summary>
    public void Script(string tool, string body) => File.WriteAllText(System.IO.Path.Combine(_bin, tool), "#!/bin/sh\n" + body);

    /// <summary>The folder of the stand-in scripts, where a script may leave notes for the test.</summary>
    public string Bin => _bin;

    public string StandardInput(string tool) => File.ReadAllText(System.IO.Path.Combine(_bin, tool + ".stdin"));

    public void Dispose() => Directory.Delete(_bin, recursive: true);
}
