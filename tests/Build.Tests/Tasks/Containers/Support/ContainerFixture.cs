using System.Diagnostics;
using Build.Tests.Support;

namespace Build.Tests.Tasks.Containers.Support;

/// <summary>
/// Shared by every Docker test: makes sure the engine, the local registry and the base image are there (through
/// scripts/container-engine.sh, reusing an engine that already runs), then builds the images ONCE through the
/// real Build-Images stage. Stops the engine at the end only when it started it.
/// </summary>
public sealed class ContainerFixture : IAsyncLifetime
{
    public const string Registry = "127.0.0.1:5000";
    public const string Python = "/usr/bin/python3";
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>
    /// The images' owner, new for each test run: Push-Images moves <c>latest</c> only to a descendant of the commit it
    /// holds, and a shared registry's <c>latest</c> may hold a commit another checkout pushed.
    /// </summary>
    public string Owner { get; } = $"pipelinetests-{DateTime.UtcNow:yyyyMMddHHmmss}";

    private static readonly string Script = Path.Combine(RepoPaths.Root, "scripts", "container-engine.sh");
    private bool _startedEngine;

    public string Sha { get; private set; } = "";

    /// <summary>The output of the engine script (engine start, base image made or loaded), with its time.</summary>
    public CommandResult Engine { get; private set; } = new(0, "", "");

    public TimeSpan EngineTime { get; private set; }

    public HostResult Build { get; private set; } = new(-1, "not run");

    public TimeSpan BuildTime { get; private set; }

    public string BackendImage => $"{Registry}/{Owner}/sovd-backend";

    public string FrontendImage => $"{Registry}/{Owner}/sovd-frontend";

    public async Task InitializeAsync()
    {
        Sha = (await Command.RunAsync("git", ["rev-parse", "HEAD"])).Output.Trim();
        var status = await Command.RunAsync("bash", [Script, "status"]);
        _startedEngine = !status.Output.Contains("engine: running", StringComparison.Ordinal);
        var clock = Stopwatch.StartNew();
        // start reuses what runs and adds what is missing; base-image alone is enough when both already answer.
        Engine = await Command.RunAsync("bash", [Script, status.ExitCode == 0 ? "base-image" : "start"], TimeSpan.FromMinutes(8));
        EngineTime = clock.Elapsed;
        if (Engine.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/container-engine.sh failed: {Engine}");
        }
        clock.Restart();
        Build = await HostRun.RunAsync(Arguments("Build-Images"), timeout: TimeSpan.FromMinutes(12));
        BuildTime = clock.Elapsed;
    }

    public async Task DisposeAsync()
    {
        if (_startedEngine)
        {
            await Command.RunAsync("bash", [Script, "stop"], TimeSpan.FromMinutes(2));
        }
    }

    /// <summary>The host's arguments for <paramref name="target"/> on the images this fixture built.</summary>
    public string[] Arguments(string target, params string[] extra) =>
    [
        $"--target={target}", "--exclusive", $"--registry={Registry}", $"--owner={Owner}", $"--sha={Sha}",
        $"--python={Python}", .. extra,
    ];

    /// <summary>Fails the calling test with the build's output when the shared build did not succeed.</summary>
    public void ShouldHaveBuilt() => Build.ExitCode.Should().Be(0, "Build-Images (run once for all Docker tests) must succeed:\n{0}", Build.Output);
}

[CollectionDefinition(Name)]
public sealed class ContainerCollection : ICollectionFixture<ContainerFixture>
{
    public const string Name = "Docker";
}
