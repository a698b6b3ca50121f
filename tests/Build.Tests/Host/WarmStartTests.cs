using System.Diagnostics;
using Build.Tests.Support;
using Pipeline.Tests.Shared;

namespace Build.Tests.Host;

/// <summary>
/// build.sh starts the compiled host directly when nothing that goes into it changed, and never runs a stale host.
/// Runs in a copy of the host's inputs so the repository's own build output is not disturbed.
/// </summary>
[Trait("Tier", "process")]
public sealed class WarmStartTests : IDisposable
{
    private readonly DirectoryInfo _copy = Directory.CreateTempSubdirectory("warm-start-");

    public WarmStartTests()
    {
        foreach (var path in new[] { "build", "src" })
        {
            CopyDirectory(Path.Combine(RepoPaths.Root, path), Path.Combine(_copy.FullName, path));
        }

        // .editorconfig sets the shape rules' severities: without it every long line would fail the host build.
        foreach (var file in new[] { "build.sh", "scripts/trust-system-ca.sh", "global.json", "Directory.Build.props", "Directory.Packages.props", "Pipeline.sln", ".editorconfig" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_copy.FullName, file))!);
            File.Copy(Path.Combine(RepoPaths.Root, file), Path.Combine(_copy.FullName, file));
        }
    }

    [Fact]
    public async Task BuildScript_AfterEditingATaskOrLosingItsOutput_RunsTheCurrentCode()
    {
        var first = await RunAsync("--description");
        first.ExitCode.Should().Be(0, first.ToString());
        first.Output.Should().Contain("Writes ci-cd.yml");

        // A fresh checkout or a restored CI cache gives every file a new time but the same content: no rebuild.
        var hostDll = Path.Combine(_copy.FullName, ".build", "host", "Build.dll");
        var built = File.GetLastWriteTimeUtc(hostDll);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(_copy.FullName, "src"), "*.cs", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
        }

        (await RunAsync("--description")).ExitCode.Should().Be(0);
        File.GetLastWriteTimeUtc(hostDll).Should().Be(built, "unchanged content must not rebuild the host");

        var task = Path.Combine(_copy.FullName, "build", "Tasks", "Lint.cs");
        File.WriteAllText(task, File.ReadAllText(task).Replace("[TaskName(TargetNames.Lint)]", "[TaskName(TargetNames.Lint)]\n[TaskDescription(\"Freshly edited description\")]"));
        var edited = await RunAsync("--description");
        edited.Output.Should().Contain("Freshly edited description", "an edited task must be rebuilt before it runs");

        var definition = Path.Combine(_copy.FullName, "src", "Pipeline.Definition", "SovdPipeline.cs");
        File.WriteAllText(definition, File.ReadAllText(definition).Replace("\"Every security scan\"", "\"Edited in the definition\""));
        (await RunAsync("--description")).Output.Should().Contain("Edited in the definition");

        File.WriteAllText(Path.Combine(_copy.FullName, ".build", "host", "Build.dll"), "corrupted");
        var rebuilt = await RunAsync("--description");
        rebuilt.ExitCode.Should().Be(0, "a corrupted host must be rebuilt, not run: " + rebuilt);
    }

    public void Dispose() => _copy.Delete(recursive: true);

    private async Task<HostResult> RunAsync(string argument)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(_copy.FullName, "build.sh"), argument])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        HermeticEnvironment.Apply(info.Environment);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
        return new HostResult(process.ExitCode, await stdout + await stderr);
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
