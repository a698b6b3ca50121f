using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;

namespace Build.Tests.Tasks.Containers;

/// <summary>
/// Rehearse's own step (push to the local registry, then the table). Its dependencies are the other stages, each tested
/// on its own; --exclusive runs just this step, so the test stays within the suite's time budget.
/// </summary>
[Collection(ContainerCollection.Name)]
[Trait("Requires", "docker")]
public sealed class RehearseDockerTests(ContainerFixture fixture)
{
    [Fact]
    public async Task Rehearse_DockerExclusive_PushesToTheLocalRegistryAndPrintsTheTimeTable()
    {
        fixture.ShouldHaveBuilt();

        var run = await HostRun.RunAsync(fixture.Arguments("Rehearse"), timeout: TimeSpan.FromMinutes(3));

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("Rehearsal finished:").And.MatchRegex(@"Stage\s+Result\s+Time")
            .And.MatchRegex($@"push to {ContainerFixture.Registry.Replace(".", "\\.")}\s+ok\s+\d+\.\d s")
            .And.NotContain("No stage times were recorded");
    }

    [Fact]
    public async Task Rehearse_RemoteRegistry_RefusesBeforePushingAnything()
    {
        var run = await HostRun.RunAsync(
            ["--target=Rehearse", "--exclusive", "--registry=ghcr.io", "--owner=acme"], timeout: TimeSpan.FromMinutes(2));

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("Rehearse pushes only to a local registry, not ghcr.io").And.NotContain("digest:");
    }
}
