using Build.Tests.Tasks.Containers.Support;
using Build.Tools.DockerCompose;

namespace Build.Tests.Tools.DockerCompose;

/// <summary>The inspect format against a real engine, in the states a compose stack that timed out leaves behind.</summary>
[Trait("Requires", "docker")]
public sealed class ContainerStatusFormatDockerTests
{
    private const string Image = "debian:trixie-slim";

    [Fact]
    public async Task Format_ARunningHealthyContainerBesideOnesCreatedButNeverStarted_ReadsEveryOne()
    {
        var label = $"com.docker.compose.service=format-{Guid.NewGuid():N}";
        var running = await Create("run", "-d", "--label", label, "--health-cmd", "true", "--health-interval", "1s",
            Image, "sleep", "60");
        var createdWithHealthcheck = await Create("create", "--label", label, "--health-cmd", "true", Image, "true");
        var createdWithout = await Create("create", "--label", label, Image, "true");
        try
        {
            await WaitUntilHealthy(running);

            var inspect = await Command.Docker(
                "inspect", "--format", ContainerStatusParser.Format, createdWithHealthcheck, running, createdWithout);

            inspect.ExitCode.Should().Be(0, inspect.ToString());
            var statuses = ContainerStatusParser.Parse(inspect.Output.Split('\n'));
            statuses.Select(status => (status.State, status.Health)).Should().Equal(
                ("created", ContainerHealth.None), ("running", ContainerHealth.Healthy), ("created", ContainerHealth.None));
            statuses.Select(status => status.Service).Should().OnlyContain(service => label.EndsWith(service));
        }
        finally
        {
            await Command.Docker("rm", "-f", running, createdWithHealthcheck, createdWithout);
        }
    }

    private static async Task<string> Create(params string[] arguments)
    {
        var result = await Command.Docker(arguments);
        result.ExitCode.Should().Be(0, result.ToString());
        return result.Output.Trim();
    }

    private static async Task WaitUntilHealthy(string container)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var health = await Command.Docker("inspect", "--format", "{{.State.Health.Status}}", container);
            if (health.Output.Trim() == "healthy")
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
        throw new TimeoutException($"container {container} did not become healthy in 30 s");
    }
}
