using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;

namespace Build.Tests.Host;

/// <summary>
/// The set-up's detection of a container engine (`scripts/setup-machine.sh --print-missing`). A fresh machine of this
/// kind ships a Docker client and no engine: a client alone must not count as an engine. PATH holds only stand-ins and
/// the few commands the detection needs, so the machine's own docker, dockerd and dpkg records cannot decide the answer.
/// </summary>
[Trait("Tier", "process")]
public sealed class SetupDetectionTests : IDisposable
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "scripts", "setup-machine.sh");
    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("setup-detect-");

    [Fact]
    public async Task PrintMissing_OnlyADockerClientWhoseEngineDoesNotAnswer_ListsTheEnginePackage()
    {
        StandIn("docker", "echo 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' >&2; exit 1");

        (await Missing()).Should().Contain("docker.io", "a client without an engine is what a fresh machine of this kind has");
    }

    [Fact]
    public async Task PrintMissing_ADockerClientWhoseEngineAnswers_DoesNotListTheEnginePackage()
    {
        StandIn("docker", "[ \"$1\" = info ] && echo 'Server Version: 28.2.2'");

        (await Missing()).Should().NotContain("docker.io", "a laptop's Docker Desktop answers without a local dockerd");
    }

    [Fact]
    public async Task PrintMissing_DockerdPresentButNotRunning_DoesNotListTheEnginePackage()
    {
        StandIn("docker", "exit 1");
        StandIn("dockerd", "exit 0");

        (await Missing()).Should().NotContain("docker.io", "an installed engine is started by scripts/container-engine.sh");
    }

    public void Dispose() => _bin.Delete(recursive: true);

    private async Task<string[]> Missing()
    {
        foreach (var tool in new[] { "timeout", "id", "printf" })
        {
            File.CreateSymbolicLink(Path.Combine(_bin.FullName, tool), Which(tool));
        }
        var run = await Command.RunAsync("/bin/bash", [Script, "--print-missing"], TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["PATH"] = _bin.FullName, ["PIPELINE_PYTHON"] = null });
        run.ExitCode.Should().Be(0, run.Output + run.Error);
        return run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private void StandIn(string name, string body)
    {
        var path = Path.Combine(_bin.FullName, name);
        File.WriteAllText(path, $"#!/bin/bash\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Which(string tool) =>
        new[] { "/usr/bin", "/bin" }.Select(dir => Path.Combine(dir, tool)).First(File.Exists);
}
