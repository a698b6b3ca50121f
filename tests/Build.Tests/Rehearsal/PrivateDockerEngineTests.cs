using Build.Containers;
using Build.Rehearsal;
using Build.Tests.Rehearsal.Support;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;

namespace Build.Tests.Rehearsal;

/// <summary>A job's own engine, started and stopped for real with scripts/container-engine.sh.</summary>
[Trait("Requires", "docker")]
public sealed class PrivateDockerEngineTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "rh-engine-" + Guid.NewGuid().ToString("N")[..6]);

    [Fact]
    public async Task StartAsync_ImageInTheMachineEngine_IsNotVisibleToTheJobAndStopLeavesNothingRunning()
    {
        var probe = $"rehearsal-probe:{Guid.NewGuid():N}";
        var dockerfile = Path.Combine(RepoPaths.App, "backend", "Dockerfile.prod");
        var baseImage = LocalImages.BaseImagesOf(dockerfile).Single().Tag;
        (await Command.Docker("tag", baseImage, probe)).ExitCode.Should().Be(0, "the machine engine has the base image");
        var cache = Environment.GetEnvironmentVariable("BASE_IMAGE_CACHE_DIR") is { Length: > 0 } given ? given : Path.Combine(RepoPaths.Root, ".build", "base-images");
        var engine = new PrivateDockerEngine(Path.Combine(RepoPaths.Root, "scripts", "container-engine.sh"), cache);
        var job = new JobWorkspace("probe", 24, _scratch, _scratch, Path.Combine(_scratch, "probe.log"));
        try
        {
            var dockerHost = await engine.StartAsync(job, CancellationToken.None);
            var dockerd = int.Parse(File.ReadAllText(Path.Combine(_scratch, "engine", "dockerd.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

            var images = await Command.RunAsync("env", [$"DOCKER_HOST={dockerHost}", "docker", "images", "--format", "{{.Repository}}:{{.Tag}}"]);
            await engine.StopAsync(job);

            images.ExitCode.Should().Be(0, images.ToString());
            images.Output.Trim().Split('\n').Should().Equal([baseImage], "a job's engine starts with the base image only");
            ProcessState.IsRunning(dockerd).Should().BeFalse("the job's dockerd is stopped");
            Directory.Exists(Path.Combine(_scratch, "engine")).Should().BeFalse();
        }
        finally
        {
            await Command.Docker("rmi", probe);
            await engine.StopAsync(job);
        }
    }

    public void Dispose() => Processes.Delete(_scratch);
}
