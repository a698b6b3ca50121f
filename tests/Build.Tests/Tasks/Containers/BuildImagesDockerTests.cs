using System.Formats.Tar;
using System.Globalization;
using System.Text.Json;
using Build.Containers;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Pipeline.Definition;
using Xunit.Abstractions;

namespace Build.Tests.Tasks.Containers;

[Collection(ContainerCollection.Name)]
[Trait("Requires", "docker")]
public sealed class BuildImagesDockerTests(ContainerFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task BuildImages_Docker_TagsBothImagesWithShaAndLatestAndOciLabels()
    {
        output.WriteLine($"engine script: {fixture.EngineTime.TotalSeconds:0} s\n{fixture.Engine.Output}");
        output.WriteLine($"Build-Images: {fixture.BuildTime.TotalSeconds:0} s");
        fixture.ShouldHaveBuilt();
        var created = await CommitTime(fixture.Sha);

        foreach (var repository in new[] { fixture.BackendImage, fixture.FrontendImage })
        {
            var sha = await Inspect($"{repository}:{fixture.Sha}");
            var latest = await Inspect($"{repository}:latest");

            latest.GetProperty("Id").GetString().Should().Be(sha.GetProperty("Id").GetString(), "latest and the SHA tag name one image");
            var labels = sha.GetProperty("Config").GetProperty("Labels");
            labels.GetProperty("org.opencontainers.image.revision").GetString().Should().Be(fixture.Sha);
            labels.GetProperty("org.opencontainers.image.created").GetString().Should().Be(created, "created is the commit's time, so rebuilds are reproducible");
            labels.GetProperty("org.opencontainers.image.source").GetString().Should().NotBeNullOrWhiteSpace();
            labels.GetProperty("org.opencontainers.image.title").GetString().Should().Be(repository.Split('/')[^1]);
        }
    }

    [Fact]
    public void BuildImages_EngineWithoutThePinnedDigest_BuildsFromItsOwnBaseImageAndSaysSo()
    {
        fixture.ShouldHaveBuilt();
        var pinned = LocalImages.BaseImagesOf(Path.Combine(RepoPaths.App, "backend", "Dockerfile.prod")).Single();

        // scripts/container-engine.sh makes debian:trixie-slim with mmdebstrap: no registry digest, not the pinned one.
        fixture.Build.Output.Should().Contain($"(--build-arg BASE_IMAGE={pinned.Tag}), not the pinned {pinned.Pinned}")
            .And.Contain("drift from CI");
    }

    [Fact]
    public async Task BuildImages_Docker_SavesAllFourTagsIntoTheImagesArtifact()
    {
        fixture.ShouldHaveBuilt();
        var archive = Path.Combine(TestArtifacts.Of(SovdPipeline.Images), "sovd-images.tar");

        var tags = await ArchivedTags(archive);

        tags.Should().BeEquivalentTo(
            $"{fixture.BackendImage}:{fixture.Sha}", $"{fixture.BackendImage}:latest",
            $"{fixture.FrontendImage}:{fixture.Sha}", $"{fixture.FrontendImage}:latest");
    }

    private static async Task<JsonElement> Inspect(string image)
    {
        var result = await Command.Docker("image", "inspect", image);
        result.ExitCode.Should().Be(0, "{0} should exist: {1}", image, result.Error);
        return JsonDocument.Parse(result.Output).RootElement[0].Clone();
    }

    private static async Task<string> CommitTime(string sha)
    {
        var text = (await Command.RunAsync("git", ["show", "-s", "--format=%cI", sha])).Output.Trim();
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The RepoTags of a <c>docker save</c> tarball, from its manifest.json.</summary>
    private static async Task<IReadOnlyList<string>> ArchivedTags(string archive)
    {
        File.Exists(archive).Should().BeTrue("Build-Images saves the images to {0}", archive);
        await using var stream = File.OpenRead(archive);
        using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            if (entry.Name == "manifest.json" && entry.DataStream is { } data)
            {
                using var manifest = await JsonDocument.ParseAsync(data);
                return manifest.RootElement.EnumerateArray()
                    .SelectMany(image => image.GetProperty("RepoTags").EnumerateArray().Select(tag => tag.GetString()!))
                    .ToList();
            }
        }
        throw new InvalidDataException($"{archive} has no manifest.json: not a docker save archive.");
    }
}
