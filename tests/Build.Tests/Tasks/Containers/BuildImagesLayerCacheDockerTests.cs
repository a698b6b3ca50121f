using System.Diagnostics;
using System.Text.RegularExpressions;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Xunit.Abstractions;

namespace Build.Tests.Tasks.Containers;

/// <summary>
/// The layer cache for real, against the local registry: Build-Images with <c>--layer-cache</c> pushes each image's
/// buildcache tag; after the built images and BuildKit's own cache are removed from the engine (a fresh runner), the
/// next Build-Images imports the cache from the registry and BuildKit reports the package-installing steps CACHED.
/// </summary>
[Collection(ContainerCollection.Name)]
[Trait("Requires", "docker")]
public sealed partial class BuildImagesLayerCacheDockerTests(ContainerFixture fixture, ITestOutputHelper output) : IDisposable
{
    // Its own owner and archive, so the shared fixture's images and images artifact stay as they are.
    private const string Owner = "layercachetests";
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"layer-cache-{Guid.NewGuid():N}.tar");

    private static readonly string[] Components = ["sovd-backend", "sovd-frontend"];

    [Fact]
    public async Task BuildImages_SecondBuildOnACleanEngine_ImportsTheRegistryCacheAndSkipsThePackageInstalls()
    {
        fixture.ShouldHaveBuilt();
        await ForgetBuildsAsync();
        var (first, firstTime) = await BuildAsync();
        await ForgetBuildsAsync();
        var (second, secondTime) = await BuildAsync();
        output.WriteLine($"cold build with cache push: {firstTime.TotalSeconds:0} s; clean engine, registry cache: {secondTime.TotalSeconds:0} s");
        output.WriteLine(second.Output);

        first.ExitCode.Should().Be(0, first.Output);
        second.ExitCode.Should().Be(0, second.Output);
        foreach (var component in Components)
        {
            second.Output.Should().Contain($"importing cache manifest from {ContainerFixture.Registry}/{Owner}/{component}:buildcache");
        }
        var installs = AptSteps().Matches(second.Output).Select(step => step.Groups["step"].Value).Distinct().ToList();
        installs.Should().NotBeEmpty("both final stages install Debian packages");
        installs.Should().OnlyContain(step => second.Output.Contains($"{step} CACHED\n", StringComparison.Ordinal),
            "every apt-get step of the final stages comes from the registry's cache, not from a new install");
    }

    private async Task<(HostResult Result, TimeSpan Time)> BuildAsync()
    {
        var clock = Stopwatch.StartNew();
        var result = await HostRun.RunAsync(
        [
            "--target=Build-Images", "--exclusive", $"--registry={ContainerFixture.Registry}", $"--owner={Owner}", $"--sha={fixture.Sha}",
            "--layer-cache=true", $"--images-archive={_archive}",
        ], timeout: TimeSpan.FromMinutes(12));
        return (result, clock.Elapsed);
    }

    /// <summary>What a fresh runner lacks: this test's images and BuildKit's local cache (the base image stays).</summary>
    private static async Task ForgetBuildsAsync()
    {
        foreach (var component in Components)
        {
            foreach (var tag in new[] { "latest", "buildcache" })
            {
                await Command.Docker("rmi", $"{ContainerFixture.Registry}/{Owner}/{component}:{tag}");
            }
        }
        var images = await Command.Docker("images", "-q", "--filter", $"reference={ContainerFixture.Registry}/{Owner}/*");
        foreach (var id in images.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            await Command.Docker("rmi", "-f", id.Trim());
        }
        (await Command.Docker("builder", "prune", "-af")).ExitCode.Should().Be(0);
    }

    public void Dispose() => File.Delete(_archive);

    // BuildKit's plain progress: "#7 [stage-1 2/5] RUN apt-get update ..." names the step; "#7 CACHED" marks a hit.
    [GeneratedRegex(@"^(?<step>#\d+) \[(?:stage-\d+ )?\d+/\d+\] RUN apt-get update", RegexOptions.Multiline)]
    private static partial Regex AptSteps();
}
