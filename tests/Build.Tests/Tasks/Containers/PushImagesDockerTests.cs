using System.Net.Http.Headers;
using System.Text.Json;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Containers;

[Collection(ContainerCollection.Name)]
[Trait("Requires", "docker")]
public sealed class PushImagesDockerTests(ContainerFixture fixture)
{
    private static readonly string ImagesFile = Path.Combine(TestArtifacts.Of(SovdPipeline.PushedImages), "images.json");

    // What docker and the registry agree on: the manifest types a push of a single-platform image may produce.
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.index.v1+json",
    ];

    [Fact]
    public async Task PushImages_Docker_PushesBothTagsAndRecordsTheRegistrysDigests()
    {
        fixture.ShouldHaveBuilt();

        var run = await HostRun.RunAsync(fixture.Arguments("Push-Images"), timeout: TimeSpan.FromMinutes(5));

        run.ExitCode.Should().Be(0, run.Output);
        using var recorded = JsonDocument.Parse(await File.ReadAllTextAsync(ImagesFile));
        foreach (var (component, repository) in new[] { ("backend", fixture.BackendImage), ("frontend", fixture.FrontendImage) })
        {
            var entry = recorded.RootElement.GetProperty(component);
            entry.GetProperty("repository").GetString().Should().Be(repository);
            entry.GetProperty("tag").GetString().Should().Be(fixture.Sha);
            var digest = entry.GetProperty("digest").GetString();
            digest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
            entry.GetProperty("reference").GetString().Should().Be($"{repository}@{digest}");
            foreach (var tag in new[] { fixture.Sha, "latest" })
            {
                (await RegistryDigest(repository, tag)).Should().Be(digest, "the registry serves {0}:{1} with the recorded digest", repository, tag);
            }
        }
    }

    [Fact]
    public async Task PushImages_DockerInGitHubActions_LogsInWithTheTokenOnStdinNeverPrintsItAndLogsOut()
    {
        fixture.ShouldHaveBuilt();
        const string token = "ghs_TokenThatMustNeverBePrinted123";
        var dockerConfig = Directory.CreateTempSubdirectory("docker-config-").FullName;
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_TOKEN"] = token,
                ["GITHUB_ACTOR"] = "ci-bot",
                ["DOCKER_CONFIG"] = dockerConfig,
            };

            var run = await HostRun.RunAsync(fixture.Arguments("Push-Images"), environment, TimeSpan.FromMinutes(5));

            run.ExitCode.Should().Be(0, run.Output);
            run.Output.Should().Contain("Login Succeeded").And.NotContain(token);
            var config = Path.Combine(dockerConfig, "config.json");
            (File.Exists(config) ? await File.ReadAllTextAsync(config) : "").Should().NotContain(ContainerFixture.Registry, "the job logs out again");
        }
        finally
        {
            Directory.Delete(dockerConfig, recursive: true);
        }
    }

    [Theory]
    [InlineData("refs/heads/develop", false)]
    [InlineData("refs/heads/main", true)]
    public async Task PushImages_DockerInGitHubActions_MovesLatestOnlyForPushesToMain(string gitRef, bool movesLatest)
    {
        fixture.ShouldHaveBuilt();
        var dockerConfig = Directory.CreateTempSubdirectory("docker-config-").FullName;
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_EVENT_NAME"] = "push",
                ["GITHUB_REF"] = gitRef,
                ["GITHUB_TOKEN"] = "ghs_TokenForTheLocalRegistry",
                ["GITHUB_ACTOR"] = "ci-bot",
                ["DOCKER_CONFIG"] = dockerConfig,
            };

            var run = await HostRun.RunAsync(fixture.Arguments("Push-Images"), environment, TimeSpan.FromMinutes(5));

            run.ExitCode.Should().Be(0, run.Output);
            using var recorded = JsonDocument.Parse(await File.ReadAllTextAsync(ImagesFile));
            var tags = recorded.RootElement.GetProperty("backend").GetProperty("tags").EnumerateArray().Select(t => t.GetString());
            tags.Should().Equal(movesLatest ? [fixture.Sha, "latest"] : [fixture.Sha]);
            run.Output.Contains("Not moving the latest tags").Should().Be(!movesLatest, run.Output);
        }
        finally
        {
            Directory.Delete(dockerConfig, recursive: true);
        }
    }

    /// <summary>The registry's own answer: <c>Docker-Content-Digest</c> of <c>GET /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c>.</summary>
    private static async Task<string?> RegistryDigest(string repository, string tag)
    {
        var name = repository[(ContainerFixture.Registry.Length + 1)..];
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{ContainerFixture.Registry}/v2/{name}/manifests/{tag}");
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }
        using var response = await http.SendAsync(request);
        response.IsSuccessStatusCode.Should().BeTrue("the registry should have {0}:{1} ({2})", repository, tag, response.StatusCode);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.Single() : null;
    }
}
