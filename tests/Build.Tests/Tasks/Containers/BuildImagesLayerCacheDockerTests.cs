using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Xunit.Abstractions;

namespace Build.Tests.Tasks.Containers;

/// <summary>
/// The layer cache for real, against the local registry, as CI runs it: Build-Images with <c>--layer-cache</c> builds
/// with inline cache metadata and pushes nothing; on an engine without those images (Push-Images' runner), Push-Images
/// loads them from the images archive and pushes each image's buildcache tag, whose config still holds the metadata
/// (docker save and load keep it); after the engine forgets everything again (a fresh runner), the next Build-Images
/// imports the cache from the registry and BuildKit reports the package-installing steps CACHED.
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
    public async Task BuildImages_AfterPushImagesSavedTheCache_ACleanEngineImportsItAndSkipsThePackageInstalls()
    {
        fixture.ShouldHaveBuilt();
        await ForgetBuildsAsync();
        var (first, firstTime) = await BuildAsync();
        first.ExitCode.Should().Be(0, first.Output);
        foreach (var component in Components)
        {
            (await ManifestAsync(component, "buildcache")).Should().BeNull("Build-Images only reads the cache");
        }
        await ForgetBuildsAsync();
        var push = await RunAsync("Push-Images", $"--sha={fixture.Sha}");
        await ForgetBuildsAsync();
        var (second, secondTime) = await BuildAsync();
        // The host's own per-image times (BuildImages.Timed), for docs/benchmarks.md.
        output.WriteLine($"cold: {firstTime.TotalSeconds:0} s\n{Timings(first)}");
        output.WriteLine($"clean engine, registry cache: {secondTime.TotalSeconds:0} s\n{Timings(second)}");
        output.WriteLine(second.Output);

        push.ExitCode.Should().Be(0, push.Output);
        push.Output.Should().Contain($"Loading {_archive}", "Push-Images' engine had none: it pushes what it loaded");
        second.ExitCode.Should().Be(0, second.Output);
        Steps(first).Should().NotBeEmpty().And.OnlyContain(step => !first.Output.Contains($"{step} CACHED\n"),
            "the first build finds no cache: a hit in the second can only come from the registry");
        foreach (var component in Components)
        {
            (await CacheConfigAsync(component)).Should().Contain("\"moby.buildkit.cache.v0\"",
                "the inline cache metadata survives docker save and docker load");
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
        var result = await RunAsync("Build-Images", $"--sha={fixture.Sha}");
        return (result, clock.Elapsed);
    }

    private Task<HostResult> RunAsync(string target, string sha) => HostRun.RunAsync(
    [
        $"--target={target}", "--exclusive", $"--registry={ContainerFixture.Registry}", $"--owner={_owner}", sha,
        "--layer-cache=true", $"--images-archive={_archive}",
    ], timeout: TimeSpan.FromMinutes(12));

    /// <summary>The registry's manifest of <c>owner/component:tag</c>, or null when it has none.</summary>
    private async Task<JsonDocument?> ManifestAsync(string component, string tag)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"http://{ContainerFixture.Registry}/v2/{_owner}/{component}/manifests/{tag}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.oci.image.manifest.v1+json"));
        request.Headers.Accept.Add(
            new MediaTypeWithQualityHeaderValue("application/vnd.docker.distribution.manifest.v2+json"));
        using var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.IsSuccessStatusCode.Should().BeTrue("the registry answers for {0}:{1}", component, tag);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The image config of the pushed buildcache tag, as the registry serves it.</summary>
    private async Task<string> CacheConfigAsync(string component)
    {
        using var manifest = await ManifestAsync(component, "buildcache");
        manifest.Should().NotBeNull("Push-Images pushed {0}:buildcache", component);
        var config = manifest!.RootElement.GetProperty("config").GetProperty("digest").GetString();
        using var http = new HttpClient();
        return await http.GetStringAsync(
            $"http://{ContainerFixture.Registry}/v2/{_owner}/{component}/blobs/{config}");
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

    [GeneratedRegex(@"^(?:frontend bundle|sovd-\w+|docker save): [\d.]+ s$", RegexOptions.Multiline)]
    private static partial Regex StepTime();

    // BuildKit's plain progress: "#7 [stage-1 2/5] RUN apt-get update ..." names the step; "#7 CACHED" marks a hit.
    [GeneratedRegex(@"^(?<step>#\d+) \[(?:stage-\d+ )?\d+/\d+\] RUN apt-get update", RegexOptions.Multiline)]
    private static partial Regex AptSteps();
}
