using Build.Tests.Tools.Support;
using Build.Tools.Docker;

namespace Build.Tests.Tools.Docker;

public sealed class DockerRunnerTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void DockerBuild_WithEveryOption_RendersTheLineInFixedOrderWithContextLast()
    {
        using var fixture = new ToolFixture();

        fixture.Context.DockerBuild(new DockerBuildSettings
        {
            Context = "/src/api",
            Dockerfile = "/src/api/Dockerfile",
            Tags = ["ghcr.io/o/api:1.2.3", "ghcr.io/o/api:sha-abc"],
            Labels = new Dictionary<string, string> { ["org.opencontainers.image.revision"] = "abc", ["org.opencontainers.image.created"] = "2024-01-01" },
            BuildArgs = new Dictionary<string, string> { ["VERSION"] = "1.2.3" },
            CacheFrom = ["ghcr.io/o/api:main"],
        });

        fixture.Runner.Single.Arguments.Should().Be(
            "build -f /src/api/Dockerfile -t ghcr.io/o/api:1.2.3 -t ghcr.io/o/api:sha-abc " +
            "--label org.opencontainers.image.created=2024-01-01 --label org.opencontainers.image.revision=abc " +
            "--build-arg VERSION=1.2.3 --cache-from ghcr.io/o/api:main --pull=false /src/api");
    }

    [Fact]
    public void DockerBuild_WithBuildKit_SetsDockerBuildkitForThatCallOnly()
    {
        using var fixture = new ToolFixture();

        fixture.Context.DockerBuild(new DockerBuildSettings { Context = "/src/api", BuildKit = true });
        fixture.Context.DockerLogout("ghcr.io", new DockerSettings());

        fixture.Runner.Calls[0].Variable("DOCKER_BUILDKIT").Should().Be("1");
        fixture.Runner.Calls[1].Variable("DOCKER_BUILDKIT").Should().BeNull();
    }

    [Fact]
    public void DockerBuild_WithoutContext_ThrowsNamingTheSetting()
    {
        using var fixture = new ToolFixture();

        var act = () => fixture.Context.DockerBuild(new DockerBuildSettings());

        act.Should().Throw<ArgumentException>().WithMessage("DockerBuildSettings.Context is not set*");
    }

    [Fact]
    public void DockerPush_ReturnsTheDigestPrintedByDocker()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("push", new ProcessReply(Output: ["The push refers to repository [ghcr.io/o/api]", $"1.2.3: digest: {Digest} size: 1573"]));

        var pushed = fixture.Context.DockerPush("ghcr.io/o/api:1.2.3");

        fixture.Runner.Single.Arguments.Should().Be("push ghcr.io/o/api:1.2.3");
        pushed.Digest.Should().Be(Digest);
        fixture.Log.Lines.Should().Contain($"1.2.3: digest: {Digest} size: 1573");
    }

    [Fact]
    public void DockerPush_WhenOutputHasNoDigest_ReadsItFromRepoDigests()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("image inspect", new ProcessReply(Output: [$"[\"other.io/x@sha256:{new string('f', 64)}\",\"127.0.0.1:5000/api@{Digest}\"]"]));

        var pushed = fixture.Context.DockerPush("127.0.0.1:5000/api:1.0");

        fixture.Runner.Calls[1].Arguments.Should().Be("image inspect --format \"{{json .RepoDigests}}\" 127.0.0.1:5000/api:1.0");
        pushed.Digest.Should().Be(Digest);
    }

    [Fact]
    public void DockerImageExists_ProbesSilently_AndAnswersFromTheExitCode()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("image inspect --format {{.Id}} missing:1", new ProcessReply(ExitCode: 1, Error: ["Error: No such image: missing:1"]));

        fixture.Context.DockerImageExists("api:1").Should().BeTrue();
        fixture.Context.DockerImageExists("missing:1").Should().BeFalse();
        fixture.Runner.Calls[0].Arguments.Should().Be("image inspect --format {{.Id}} api:1");
        fixture.Runner.Calls.Should().OnlyContain(call => call.Settings.Silent);
    }

    [Fact]
    public void DockerLogin_SendsThePasswordThroughStandardInput_NeverOnTheCommandLine()
    {
        using var fixture = new ToolFixture();

        fixture.Context.DockerLogin(new DockerLoginSettings { Registry = "ghcr.io", Username = "octocat", Password = "s3cr3t-token" });

        var call = fixture.Runner.Single;
        call.Arguments.Should().Be("login ghcr.io -u octocat --password-stdin");
        call.SafeArguments.Should().NotContain("s3cr3t-token");
        call.StandardInputText.Should().Be("s3cr3t-token");
    }

    [Fact]
    public void DockerLogin_WithoutPassword_ThrowsBeforeStartingDocker()
    {
        using var fixture = new ToolFixture();

        var act = () => fixture.Context.DockerLogin(new DockerLoginSettings { Registry = "ghcr.io", Username = "octocat" });

        act.Should().Throw<ArgumentException>().WithMessage("DockerLoginSettings.Password is empty*");
        fixture.Runner.Calls.Should().BeEmpty();
    }

    [Fact]
    public void DockerLogout_RendersTheRegistry()
    {
        using var fixture = new ToolFixture();

        fixture.Context.DockerLogout("ghcr.io", new DockerSettings());

        fixture.Runner.Single.Arguments.Should().Be("logout ghcr.io");
    }

    [Fact]
    public void DockerListings_FilterByComposeProjectLabel_AndReturnTheIds()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("ps", new ProcessReply(Output: ["c1", "", "c2"]));
        var settings = new DockerSettings();

        var containers = fixture.Context.DockerPs("sovd-ci", settings);
        fixture.Context.DockerNetworkList("sovd-ci", settings);
        fixture.Context.DockerVolumeList("sovd-ci", settings);

        containers.Lines.Should().Equal("c1", "c2");
        fixture.Runner.Calls.Select(call => call.Arguments).Should().Equal(
            "ps -a -q --filter label=com.docker.compose.project=sovd-ci",
            "network ls -q --filter label=com.docker.compose.project=sovd-ci",
            "volume ls -q --filter label=com.docker.compose.project=sovd-ci");
    }

    [Fact]
    public void DockerSaveAndLoad_RenderTheArchiveAndEveryImage()
    {
        using var fixture = new ToolFixture();

        fixture.Context.DockerSave("/out/images.tar", ["api:1", "web:1"]);
        fixture.Context.DockerLoad("/out/images.tar");

        fixture.Runner.Calls.Select(call => call.Arguments).Should().Equal("save -o /out/images.tar api:1 web:1", "load -i /out/images.tar");
    }

    [Fact]
    public void DockerLogout_WhenDockerFails_ThrowsWithExitCodeAndCommand()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("logout", new ProcessReply(ExitCode: 125));

        var act = () => fixture.Context.DockerLogout("ghcr.io", new DockerSettings());

        act.Should().Throw<Cake.Core.CakeException>().WithMessage("docker: process returned exit code 125 (docker logout ghcr.io).");
    }
}
