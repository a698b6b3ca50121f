using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Containers;

[Collection(ContainerCollection.Name)]
[Trait("Requires", "docker")]
[Trait("Requires", "chromium")]
[Trait("Requires", "node")]
public sealed class TestE2EDockerTests(ContainerFixture fixture)
{
    private static readonly string Failures = TestArtifacts.Of(SovdPipeline.EndToEndFailures);

    [Fact]
    public async Task TestE2E_Docker_PassesAgainstTheStackAndRemovesIt()
    {
        fixture.ShouldHaveBuilt();
        var project = $"sovd-test-e2e-{Guid.NewGuid().ToString("N")[..6]}";

        var run = await HostRun.RunAsync(
            fixture.Arguments("Test-E2E", $"--compose-project={project}", $"--chromium={ContainerFixture.Chromium}"), timeout: TimeSpan.FromMinutes(5));

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().MatchRegex(@"\d+ passed");
        Screenshots().Should().BeEmpty("nothing failed");
        (await Command.ComposeLeftovers(project)).Should().BeEmpty();
    }

    [Fact]
    public async Task TestE2E_DockerPlantedUiDefect_FailsKeepsScreenshotsAndRemovesTheStack()
    {
        fixture.ShouldHaveBuilt();
        using var app = AppCopy.Of();
        app.Replace("frontend/src/components/VehiclesPage.tsx", ">Vehicles</h1>", ">Fleet</h1>");
        var archive = Path.Combine(app.Root, "images.tar");
        // The defect must be in the image: build it under its own owner, so the shared images stay as they are.
        var owner = "defecttests";
        string[] defect = [$"--owner={owner}", app.AppRootArgument, $"--images-archive={archive}"];
        var project = $"sovd-test-e2e-defect-{Guid.NewGuid().ToString("N")[..6]}";
        try
        {
            var build = await HostRun.RunAsync([.. fixture.Arguments("Build-Images"), .. defect], timeout: TimeSpan.FromMinutes(8));
            build.ExitCode.Should().Be(0, build.Output);

            var run = await HostRun.RunAsync(
                [.. fixture.Arguments("Test-E2E", $"--compose-project={project}", $"--chromium={ContainerFixture.Chromium}"), .. defect],
                timeout: TimeSpan.FromMinutes(5));

            run.ExitCode.Should().NotBe(0);
            run.Output.Should().Contain("End-to-end tests failed").And.Contain("Vehicles");
            Screenshots().Should().NotBeEmpty("Playwright keeps a screenshot of each failed test in the e2e-failures artifact");
            Directory.GetFiles(Failures, "trace.zip", SearchOption.AllDirectories).Should().NotBeEmpty();
            (await Command.ComposeLeftovers(project)).Should().BeEmpty();
        }
        finally
        {
            var tags = new[] { "sovd-backend", "sovd-frontend" }.SelectMany(name => new[] { fixture.Sha, "latest" }.Select(tag => $"{ContainerFixture.Registry}/{owner}/{name}:{tag}"));
            await Command.Docker(["rmi", .. tags]);
        }
    }

    private static string[] Screenshots() =>
        Directory.Exists(Failures) ? Directory.GetFiles(Failures, "*.png", SearchOption.AllDirectories) : [];
}
