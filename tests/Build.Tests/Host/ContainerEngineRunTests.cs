using System.Text.RegularExpressions;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Pipeline.Tests.Shared;

namespace Build.Tests.Host;

/// <summary>
/// `scripts/container-engine.sh run -- COMMAND`, which both README commands go through: it starts an engine and a
/// registry only when none answers, runs the command against them, and stops afterwards exactly what it started.
/// The machine's shared engine is never stopped: the start path runs with stand-ins for dockerd, docker and the registry.
/// </summary>
public sealed partial class ContainerEngineRunTests : IDisposable
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "scripts", "container-engine.sh");
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("engine-run-");

    [Fact]
    [Trait("Requires", "python")]
    public async Task Run_NothingAnswers_StandInEngineAndRegistry_StartsBothRunsTheCommandThenStopsBothAndTheirMountsEvenWhenItFails()
    {
        var bin = StandIns();
        var socket = Path.Combine(_scratch.FullName, "docker.sock");
        var port = FreePort();

        var run = await Command.RunAsync("bash", [Script, "run", "--", "bash", "-c", "echo \"command ran against $DOCKER_HOST\"; exit 7"],
            TimeSpan.FromMinutes(2), new Dictionary<string, string?>
            {
                ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}",
                ["DOCKER_HOST"] = $"unix://{socket}",
                ["CONTAINER_ENGINE_DIR"] = Path.Combine(_scratch.FullName, "engine"),
                ["REGISTRY_ADDRESS"] = $"127.0.0.1:{port}",
            });

        var output = run.Output + run.Error;
        run.ExitCode.Should().Be(7, output);
        output.Should().Contain($"command ran against unix://{socket}");
        var engine = Pid(EngineStarted(), output);
        var registry = Pid(RegistryStarted(), output);
        output.Should().Contain($"registry (pid {registry}) stopped").And.Contain($"engine (pid {engine}) stopped");
        Directory.Exists($"/proc/{engine}").Should().BeFalse("the engine this run started must be gone");
        Directory.Exists($"/proc/{registry}").Should().BeFalse("the registry this run started must be gone");
        var netns = Path.Combine(_scratch.FullName, "engine", "exec", "netns", "default");
        // Only root may mount, as only root runs dockerd with this script; elsewhere there is no mount to release.
        File.Exists(Path.Combine(_scratch.FullName, "netns-mounted")).Should().Be(Environment.UserName == "root",
            "as root, the stand-in engine mounted its network namespace at {0}", netns);
        (await Command.RunAsync("mountpoint", ["-q", netns])).ExitCode.Should().NotBe(0, "the engine's mount must not outlive it");
    }

    [Fact]
    [Trait("Requires", "docker")]
    public async Task Run_EngineAndRegistryAlreadyAnswer_UsesThemAndLeavesThemRunning()
    {
        var run = await Command.RunAsync("bash", [Script, "run", "--", "docker", "version", "--format", "server {{.Server.Version}}"],
            TimeSpan.FromMinutes(2), new Dictionary<string, string?> { ["CONTAINER_ENGINE_DIR"] = Path.Combine(_scratch.FullName, "engine") });

        var output = run.Output + run.Error;
        run.ExitCode.Should().Be(0, output);
        output.Should().Contain($"engine already answers at {HermeticEnvironment.Engine}; reusing it")
            .And.Contain("registry already answers").And.MatchRegex(@"server \d+\.").And.NotContain("stopped");
        (await Command.Docker("version", "--format", "{{.Server.Version}}")).ExitCode.Should().Be(0, "the engine that was already running must still run");
    }

    [Fact]
    [Trait("Requires", "docker")]
    public async Task BaseImage_AlreadyInTheEngineButNotInThisCheckoutsCache_IsSavedThereForTheJobEngines()
    {
        var cache = Path.Combine(_scratch.FullName, "base-images");

        var run = await Command.RunAsync("bash", [Script, "base-image"], TimeSpan.FromMinutes(2),
            new Dictionary<string, string?> { ["BASE_IMAGE_CACHE_DIR"] = cache });

        var output = run.Output + run.Error;
        run.ExitCode.Should().Be(0, output);
        output.Should().Contain("debian:trixie-slim already in the engine").And.Contain($"saved to {cache}/debian-trixie-slim.tar");
        var saved = await Command.RunAsync("tar", ["-tf", Path.Combine(cache, "debian-trixie-slim.tar")]);
        saved.Output.Should().Contain("manifest.json", "docker save wrote a loadable image archive");
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    // dockerd: records its pid where asked and runs until stopped; docker: answers while that dockerd runs;
    // docker-registry: serves /v2/ on the configured address until stopped.
    private string StandIns()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "bin")).FullName;
        var up = Path.Combine(_scratch.FullName, "engine-up");
        var mounted = Path.Combine(_scratch.FullName, "netns-mounted");
        // Like the real one, it bind-mounts the host's network namespace at <exec root>/netns/default and leaves it.
        Write(bin, "dockerd", $$"""
            #!/bin/bash
            while (($# > 0)); do
              [[ "$1" == --pidfile ]] && echo $$ > "$2"
              [[ "$1" == --exec-root ]] && mkdir -p "$2/netns" && touch "$2/netns/default" \
                && mount --bind /proc/self/ns/net "$2/netns/default" && touch '{{mounted}}'
              shift
            done
            touch '{{up}}'
            trap 'rm -f "{{up}}"; exit 0' TERM
            sleep infinity & wait $!
            """);
        Write(bin, "docker", $$"""
            #!/bin/bash
            [[ "$1" == version ]] && { [[ -f '{{up}}' ]] || exit 1; }
            exit 0
            """);
        Write(bin, "docker-registry", """
            #!/bin/bash
            addr="$(sed -n 's/^  addr: //p' "$2")"
            root="$(mktemp -d)"; mkdir -p "$root/v2"
            python3 -m http.server --bind "${addr%:*}" "${addr##*:}" --directory "$root" >/dev/null 2>&1 & server=$!
            trap 'kill $server; rm -rf "$root"; exit 0' TERM
            wait $server
            """);
        return bin;
    }

    private static void Write(string bin, string name, string script)
    {
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, script.Replace("\r", string.Empty) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string Pid(Regex pattern, string output)
    {
        var match = pattern.Match(output);
        match.Success.Should().BeTrue(output);
        return match.Groups[1].Value;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"engine started \(pid (\d+)")]
    private static partial Regex EngineStarted();

    [GeneratedRegex(@"registry started \(pid (\d+)")]
    private static partial Regex RegistryStarted();
}
