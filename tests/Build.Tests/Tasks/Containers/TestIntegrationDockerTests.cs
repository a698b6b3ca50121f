using System.Diagnostics;
using System.Xml.Linq;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Containers;

[Collection(ContainerCollection.Name)]
[Trait("Requires", "docker")]
[Trait("Requires", "python")]
public sealed class TestIntegrationDockerTests(ContainerFixture fixture)
{
    private static readonly string JUnit = Path.Combine(TestArtifacts.Of(SovdPipeline.IntegrationReports), "junit.xml");

    [Fact]
    public async Task TestIntegration_Docker_PassesWritesJUnitAndRemovesTheStack()
    {
        fixture.ShouldHaveBuilt();
        var project = Project("pass");

        var run = await HostRun.RunAsync(fixture.Arguments("Test-Integration", $"--compose-project={project}"), timeout: TimeSpan.FromMinutes(5));

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain($"Stack {project} ready");
        var suite = XDocument.Load(JUnit).Descendants("testsuite").First();
        int.Parse(suite.Attribute("tests")!.Value).Should().BeGreaterThan(0);
        suite.Attribute("failures")!.Value.Should().Be("0");
        (await Command.ComposeLeftovers(project)).Should().BeEmpty();
    }

    [Fact]
    public async Task TestIntegration_DockerPlantedFailingTest_FailsAndLeavesNoContainerNetworkOrVolume()
    {
        fixture.ShouldHaveBuilt();
        using var app = AppCopy.Of();
        app.Write("backend/tests/integration/test_planted_failure.py", """
            import httpx


            def test_planted_failure(api: httpx.Client) -> None:
                assert api.get("/health/live").json() == {"status": "planted failure"}
            """);
        var project = Project("fail");

        var run = await HostRun.RunAsync(
            fixture.Arguments("Test-Integration", $"--compose-project={project}", app.AppRootArgument), timeout: TimeSpan.FromMinutes(5));

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("test_planted_failure").And.Contain("Integration tests failed").And.Contain($"Removing compose project {project}");
        (await Command.ComposeLeftovers(project)).Should().BeEmpty();
    }

    [Fact]
    public async Task TestIntegration_DockerServiceNeverHealthy_FailsAfterTheTimeoutShowingLogsAndLeavesNothing()
    {
        fixture.ShouldHaveBuilt();
        using var app = AppCopy.Of();
        // A healthcheck that can never pass keeps the backend "starting" for a minute: longer than the timeout below.
        app.Replace("docker-compose.yml", "http://127.0.0.1:8000/health/ready", "http://127.0.0.1:8000/health/never");
        var project = Project("sick");
        var clock = Stopwatch.StartNew();

        var run = await HostRun.RunAsync(
            fixture.Arguments("Test-Integration", $"--compose-project={project}", app.AppRootArgument, "--stack-timeout-seconds=15"),
            timeout: TimeSpan.FromMinutes(3));

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("within 15 s").And.Contain("Logs of").And.Contain("/health/never");
        run.Output.Should().NotContain("test session starts", "no test runs against a stack that is not healthy");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(90), "the wait ends at the timeout, not at compose's own retries");
        (await Command.ComposeLeftovers(project)).Should().BeEmpty();
    }

    [Fact]
    public async Task TestIntegration_DockerSigintWhileTheStackRuns_StandInPytestHeldOpen_StillTearsTheStackDown()
    {
        fixture.ShouldHaveBuilt();
        var project = Project("sigint");
        // The interrupt is sent on an event, not after a time: the stand-in pytest says it started and then never ends
        // by itself, so the stage is certainly inside its test step, with the stack up, when the signal arrives.
        using var gate = new GatePython();
        var interrupted = false;

        var run = await HostRun.RunAsync(
            [.. fixture.Arguments("Test-Integration", $"--compose-project={project}").Where(a => !a.StartsWith("--python=", StringComparison.Ordinal)), $"--python={gate.Path}"],
            timeout: TimeSpan.FromMinutes(5),
            asFromATerminal: true,
            started: process => process.OutputDataReceived += (_, line) =>
            {
                if (!interrupted && line.Data?.Contains(GatePython.Holding, StringComparison.Ordinal) == true)
                {
                    interrupted = true;
                    Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
                }
            });

        interrupted.Should().BeTrue("the stage should have reached its tests before the interruption:\n{0}", run.Output);
        run.Output.Should().Contain($"Stack {project} ready");
        run.ExitCode.Should().Be(130, run.Output);
        run.Output.Should().Contain($"Removing compose project {project}");
        (await Command.ComposeLeftovers(project)).Should().BeEmpty();
    }

    /// <summary>
    /// The real interpreter for everything (the stage's module probes) except <c>-m pytest</c>, which announces itself
    /// and then waits to be killed: the host's interruption is the only way it ends.
    /// </summary>
    private sealed class GatePython : IDisposable
    {
        public const string Holding = "stand-in pytest: holding until interrupted";

        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("gate-python-");

        public GatePython()
        {
            Path = System.IO.Path.Combine(_folder.FullName, "python3");
            File.WriteAllText(Path, $"#!/bin/bash\nif [[ \"$1 $2\" == \"-m pytest\" ]]; then\n  echo '{Holding}'\n  exec sleep infinity\nfi\nexec {ContainerFixture.Python} \"$@\"\n");
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        public string Path { get; }

        public void Dispose() => _folder.Delete(recursive: true);
    }

    private static string Project(string scenario) => $"sovd-test-{scenario}-{Guid.NewGuid().ToString("N")[..6]}";
}
