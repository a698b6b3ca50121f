using System.Text.Json;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Containers;

/// <summary>
/// Push-Images against the real engine and local registry, with two commits of this repository's own history (HEAD~1
/// and HEAD) as small labelled images in a repository of their own: an older push after a newer one leaves latest.
/// In the Docker collection: Push-Images writes the test run's push/images.json, which the other push tests of that
/// collection write and read too (run side by side, one overwrote the digest this test had just recorded).
/// </summary>
[Collection(ContainerCollection.Name)]
[Trait("Requires", "docker")]
public sealed class PushImagesLatestDockerTests
{
    private static readonly string ImagesFile = Path.Combine(TestArtifacts.Of(SovdPipeline.PushedImages), "images.json");
    private readonly string _owner = $"latestguard{Guid.NewGuid():N}"[..24];

    private string Backend => $"{ContainerFixture.Registry}/{_owner}/sovd-backend";

    [Fact]
    public async Task PushImages_AnOlderCommitAfterANewerOne_PushesItsShaTagButLeavesLatestOnTheNewer()
    {
        var newer = (await Command.RunAsync("git", ["rev-parse", "HEAD"])).Output.Trim();
        var older = (await Command.RunAsync("git", ["rev-parse", "HEAD~1"])).Output.Trim();

        var first = await PushAsync(newer);
        var newerDigest = RecordedDigest();
        var second = await PushAsync(older);

        first.ExitCode.Should().Be(0, first.Output);
        first.Output.Should().Contain($"{Backend}:latest does not exist yet: it becomes commit {newer}");
        second.ExitCode.Should().Be(0, second.Output);
        second.Output.Should()
            .Contain($"sovd-backend:latest is commit {newer}; this push is commit {older}, which does not descend from it");
        using var recorded = JsonDocument.Parse(await File.ReadAllTextAsync(ImagesFile));
        var tags = recorded.RootElement.GetProperty("backend").GetProperty("tags").EnumerateArray().Select(t => t.GetString());
        tags.Should().Equal(older);
        var latest = await Command.RunAsync("docker", ["pull", "-q", $"{Backend}:latest"]);
        const string Format = "{{index .Config.Labels \"org.opencontainers.image.revision\"}} {{json .RepoDigests}}";
        var revision = await Command.RunAsync("docker", ["image", "inspect", "--format", Format, $"{Backend}:latest"]);
        latest.ExitCode.Should().Be(0, latest.ToString());
        revision.Output.Should().StartWith(newer).And.Contain(newerDigest, "the registry's latest is still the newer push");
    }

    private async Task<HostResult> PushAsync(string sha)
    {
        foreach (var component in new[] { "sovd-backend", "sovd-frontend" })
        {
            var repository = $"{ContainerFixture.Registry}/{_owner}/{component}";
            var dockerfile = $"FROM debian:trixie-slim\\nLABEL org.opencontainers.image.revision={sha} component={component}\\n";
            var built = await Command.RunAsync("bash",
                ["-c", $"printf '{dockerfile}' | docker build -q -t {repository}:{sha} -t {repository}:latest -"],
                TimeSpan.FromMinutes(3));
            built.ExitCode.Should().Be(0, built.ToString());
        }
        string[] arguments =
        [
            "--target=Push-Images", "--exclusive", $"--registry={ContainerFixture.Registry}", $"--owner={_owner}",
            $"--sha={sha}", $"--python={ContainerFixture.Python}",
        ];
        return await HostRun.RunAsync(arguments, timeout: TimeSpan.FromMinutes(5));
    }

    private static string RecordedDigest()
    {
        using var recorded = JsonDocument.Parse(File.ReadAllText(ImagesFile));
        return recorded.RootElement.GetProperty("backend").GetProperty("digest").GetString()!;
    }
}
