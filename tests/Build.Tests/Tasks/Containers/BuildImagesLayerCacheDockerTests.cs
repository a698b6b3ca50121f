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
public sealed partial class BuildImagesLayerCacheDockerTests(ContainerFixture fixture, ITestOutputHelper output)
    : IDisposable
{
    // Its own owner (new each run, so the registry holds no cache yet) and archive: the fixture's images stay.
    private readonly string _owner = $"layercache{Guid.NewGuid():N}"[..18];
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
        // The host's own per-image times (BuildImages.Timed), for docs/benchmarks.md.
        output.WriteLine($"cold, cache pushed: {firstTime.TotalSeconds:0} s\n{Timings(first)}");
        output.WriteLine($"clean engine, registry cache: {secondTime.TotalSeconds:0} s\n{Timings(second)}");
        output.WriteLine(second.Output);

        first.ExitCode.Should().Be(0, first.Output);
        second.ExitCode.Should().Be(0, second.Output);
        Steps(first).Should().NotBeEmpty().And.OnlyContain(step => !first.Output.Contains($"{step} CACHED\n"),
            "the first build finds no cache: a hit in the second can only come from the registry");
        foreach (var component in Components)
        {
            second.Output.Should().Contain(
                $"importing cache manifest from {ContainerFixture.Registry}/{_owner}/{component}:buildcache");
        }
        Steps(second).Should().NotBeEmpty("both final stages install Debian packages")
            .And.OnlyContain(step => second.Output.Contains($"{step} CACHED\n"),
            "every apt-get step of the final stages comes from the registry's cache, not from a new install");
    }

    private async Task<(HostResult Result, TimeSpan Time)> BuildAsync()
    {
        var clock = Stopwatch.StartNew();
        var result = await HostRun.RunAsync(
        [
            "--target=Build-Images", "--exclusive", $"--registry={ContainerFixture.Registry}", $"--owner={_owner}",
            $"--sha={fixture.Sha}", "--layer-cache=true", $"--images-archive={_archive}",
        ], timeout: TimeSpan.FromMinutes(12));
        return (result, clock.Elapsed);
    }

    private static string Timings(HostResult result) =>
        string.Join('\n', StepTime().Matches(result.Output).Select(line => line.Value));

    /// <summary>The BuildKit step numbers of the apt-get installs, e.g. <c>#9</c>.</summary>
    private static List<string> Steps(HostResult result) =>
        [.. AptSteps().Matches(result.Output).Select(step => step.Groups["step"].Value).Distinct()];

    /// <summary>What a fresh runner lacks: this test's images and BuildKit's cache (the base image stays).</summary>
    private async Task ForgetBuildsAsync()
    {
        foreach (var component in Components)
        {
            foreach (var tag in new[] { "latest", "buildcache" })
            {
                await Command.Docker("rmi", $"{ContainerFixture.Registry}/{_owner}/{component}:{tag}");
            }
        }
        var images = await Command.Docker("images", "-q", "--filter",
            $"reference={ContainerFixture.Registry}/{_owner}/*");
        foreach (var id in images.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            await Command.Docker("rmi", "-f", id.Trim());
        }
        (await Command.Docker("builder", "prune", "-af")).ExitCode.Should().Be(0);
    }

    public void Dispose() => File.Delete(_archive);

    [GeneratedRegex(@"^(?:frontend bundle|sovd-\w+(?: layer cache push)?): [\d.]+ s$", RegexOptions.Multiline)]
    private static partial Regex StepTime();

    // BuildKit's plain progress: "#7 [stage-1 2/5] RUN apt-get update ..." names the step; "#7 CACHED" marks a hit.
    [GeneratedRegex(@"^(?<step>#\d+) \[(?:stage-\d+ )?\d+/\d+\] RUN apt-get update", RegexOptions.Multiline)]
    private static partial Regex AptSteps();
}
