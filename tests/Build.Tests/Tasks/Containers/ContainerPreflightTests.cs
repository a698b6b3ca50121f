using Build.Tests.Support;

namespace Build.Tests.Tasks.Containers;

/// <summary>Missing engine, tools or settings stop the image stages before they change anything. No Docker needed.</summary>
[Trait("Tier", "process")]
public sealed class ContainerPreflightTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("container-preflight-").FullName;

    [Theory]
    [InlineData("Build-Images")]
    [InlineData("Test-Integration")]
    [InlineData("Test-E2E")]
    [InlineData("Push-Images")]
    public async Task ImageStage_DockerEngineNotReachable_FailsBeforeSideEffectsSayingHowToStartIt(string stage)
    {
        var archive = Path.Combine(_scratch, "images.tar");

        var run = await HostRun.RunAsync(
            [$"--target={stage}", "--exclusive", $"--images-archive={archive}", "--python=/usr/bin/python3"],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = $"unix://{_scratch}/no-engine.sock" },
            TimeSpan.FromMinutes(2));

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("Docker engine").And.Contain("not reachable").And.Contain("scripts/container-engine.sh start");
        run.Output.Should().NotContain("npm run build").And.NotContain("Starting compose project").And.NotContain("Loading ");
        File.Exists(archive).Should().BeFalse();
    }

    [Fact]
    public async Task SecurityImages_NeitherTrivyNorEngine_NamesBothMissingTools()
    {
        var path = string.Join(':', (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Where(dir => !File.Exists(Path.Combine(dir, "trivy"))));

        var run = await HostRun.RunAsync(
            ["--target=Security-Images", "--exclusive"],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = $"unix://{_scratch}/no-engine.sock", ["PATH"] = path },
            TimeSpan.FromMinutes(2));

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("Missing tool 'trivy'").And.Contain("Missing tool 'Docker engine'");
    }

    [Fact]
    public async Task BuildImages_InvalidSettings_ListsEveryProblemAtOnce()
    {
        var run = await HostRun.RunAsync(
            ["--target=Build-Images", "--exclusive", "--registry=https://ghcr.io", "--owner=Not An Owner", "--sha=xyz", "--stack-timeout-seconds=0"],
            timeout: TimeSpan.FromMinutes(2));

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("Build-Images cannot start:")
            .And.Contain("--registry=https://ghcr.io is not a registry host")
            .And.Contain("Owner 'not an owner' cannot be part of an image name")
            .And.Contain("--sha=xyz is not a commit SHA")
            .And.Contain("--stack-timeout-seconds must be a positive number");
    }

    [Fact]
    public async Task PushImages_InGitHubActionsWithoutToken_FailsBeforePushingNamingTheSecret()
    {
        var run = await HostRun.RunAsync(
            ["--target=Push-Images", "--exclusive", "--owner=acme"],
            new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_TOKEN"] = null },
            TimeSpan.FromMinutes(2));

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("GITHUB_TOKEN is not set").And.Contain("packages: write").And.NotContain("digest:");
    }

    [Fact]
    public async Task BuildImages_DryRunWithLayerCache_PrintsTheBuildKitCacheBuildAndPushesNoCache()
    {
        var archive = Path.Combine(_scratch, "images.tar");

        var run = await HostRun.RunAsync(
            ["--target=Build-Images", "--exclusive", "--dryrun", "--layer-cache=true", "--registry=ghcr.io", "--owner=Acme", "--sha=0123456789abcdef0123456789abcdef01234567",
             "--created=2025-01-31T12:00:00Z", $"--images-archive={archive}"],
            timeout: TimeSpan.FromMinutes(2));

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("build -f ").And.Contain("-t ghcr.io/acme/sovd-backend:0123456789abcdef0123456789abcdef01234567 -t ghcr.io/acme/sovd-backend:latest")
            .And.Contain("--label org.opencontainers.image.created=2025-01-31T12:00:00Z")
            .And.Contain("--build-arg APP_VERSION=0123456789abcdef0123456789abcdef01234567 " +
                "--build-arg BUILDKIT_INLINE_CACHE=1 --cache-from ghcr.io/acme/sovd-frontend:buildcache --pull=false")
            .And.Contain($"save -o {archive}")
            .And.NotContain("push ghcr.io/acme/sovd-frontend:buildcache", "only Push-Images writes the layer cache");
        File.Exists(archive).Should().BeFalse();
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
