using Build.Tests.Tools.Support;
using Build.Tools.DockerCompose;

namespace Build.Tests.Tools.DockerCompose;

public sealed class DockerComposeRunnerTests
{
    private static readonly DockerComposeSettings Up = new()
    {
        Project = new("sovd-ci", ["/src/compose.yml", "/src/compose.ci.yml"]),
        EnvironmentVariables = new Dictionary<string, string> { ["IMAGE_TAG"] = "1.2.3" },
    };

    [Fact]
    public void Up_WhenDockerComposeVersionSucceeds_UsesTheV2Plugin()
    {
        using var fixture = new ToolFixture();

        fixture.Context.DockerComposeUp(Up);

        fixture.Runner.Calls.Select(call => $"{call.ToolName} {call.Arguments}").Should().Equal(
            "docker compose version",
            "docker compose -f /src/compose.yml -f /src/compose.ci.yml -p sovd-ci up -d --no-build");
        fixture.Runner.Calls[1].Variable("IMAGE_TAG").Should().Be("1.2.3");
    }

    [Fact]
    public void Up_WhenDockerComposeVersionFails_FallsBackToStandaloneV1()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("compose version", new ProcessReply(ExitCode: 1, Error: ["docker: unknown command: docker compose"]));

        fixture.Context.DockerComposeUp(Up);

        var call = fixture.Runner.Calls.Last();
        $"{call.ToolName} {call.Arguments}".Should().Be("docker-compose -f /src/compose.yml -f /src/compose.ci.yml -p sovd-ci up -d --no-build");
    }

    [Fact]
    public void DockerComposeVariant_ProbesOnlyOnce_AndReportsStandaloneWithoutThePlugin()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("compose version", new ProcessReply(ExitCode: 1));

        fixture.Context.DockerComposeVariant().Should().Be(ComposeVariant.Standalone);

        var probe = fixture.Runner.Single;
        probe.Settings.Silent.Should().BeTrue();
    }

    [Fact]
    public void DockerComposeVariant_WithNeitherVariantInstalled_IsNull_AndPreflightReportsIt()
    {
        using var fixture = new ToolFixture("helm");

        fixture.Context.DockerComposeVariant().Should().BeNull();
        DockerComposeSettings.Spec.Requirement().IsAvailable(fixture.Context).Should().BeFalse();
    }

    [Fact]
    public void Up_WithAChosenVariant_SkipsTheProbe()
    {
        using var fixture = new ToolFixture();

        fixture.Context.DockerComposeUp(new DockerComposeSettings { Project = new(Variant: ComposeVariant.Standalone) });

        fixture.Runner.Single.Arguments.Should().Be("up -d --no-build");
    }

    [Fact]
    public void LogsPsAndDown_RenderTheirFlagsAfterTheProjectOptions()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("compose -p p ps", new ProcessReply(Output: ["id1", "id2"]));

        fixture.Context.DockerComposeLogs(["api", "web"], 200, new DockerComposeSettings { Project = new("p") });
        var ids = fixture.Context.DockerComposePs(new DockerComposeSettings { Project = new("p") });
        fixture.Context.DockerComposeDown(new DockerComposeSettings { Project = new("p") });

        ids.Lines.Should().Equal("id1", "id2");
        fixture.Runner.Calls.Select(call => call.Arguments).Where(arguments => arguments != "compose version").Should().Equal(
            "compose -p p logs --no-color --tail 200 api web",
            "compose -p p ps -q -a",
            "compose -p p down -v --remove-orphans");
    }

    [Fact]
    public void ContainerStatuses_InspectsEveryProjectContainer_AndParsesStateAndHealth()
    {
        using var fixture = new ToolFixture();
        fixture.Runner.WhenArguments("compose -p p ps", new ProcessReply(Output: ["aaa", "bbb"]));
        fixture.Runner.WhenArguments("inspect", new ProcessReply(Output: ["aaa /p-api-1 api running healthy", "bbb /p-web-1 web running none"]));

        var statuses = fixture.Context.DockerComposeContainerStatuses(new DockerComposeSettings { Project = new("p") });

        fixture.Runner.Calls.Select(call => call.Arguments).Should().EndWith(
        [
            "compose -p p ps -q -a",
            $"inspect --format \"{ContainerStatusParser.Format}\" aaa bbb",
        ]);
        statuses.Should().Equal(
            new ContainerStatus("aaa", "p-api-1", "api", "running", ContainerHealth.Healthy),
            new ContainerStatus("bbb", "p-web-1", "web", "running", ContainerHealth.None));
        statuses.Should().OnlyContain(status => status.IsReady);
    }

    [Fact]
    public void ContainerStatuses_WithNoContainers_DoesNotCallDockerInspect()
    {
        using var fixture = new ToolFixture();

        fixture.Context.DockerComposeContainerStatuses(new DockerComposeSettings { Project = new("p") }).Should().BeEmpty();

        fixture.Runner.Calls.Should().NotContain(call => call.Arguments.StartsWith("inspect"));
    }
}
