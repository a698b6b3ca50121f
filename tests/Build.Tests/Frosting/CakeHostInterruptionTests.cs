using Build.Frosting.Additions;
using Build.Tests.Frosting.Scenarios;
using Build.Tests.Frosting.Support;
using Cake.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Build.Tests.Frosting;

public sealed class CakeHostInterruptionTests
{
    [Fact]
    [Trait("Tier", "process")]
    public async Task Run_Interrupted_KillsChildProcessRunsFinallyAndTeardownAndReturns130()
    {
        var signal = new SleepSignal();
        var host = new TestHost(typeof(SleepTask));
        host.Host.UseLifetime<RecordingLifetime>().ConfigureServices(services => services.AddSingleton(signal));

        var run = Task.Run(() => host.Run());
        var interrupt = await signal.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        interrupt().Should().BeTrue();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(20));

        result.ExitCode.Should().Be(130);
        result.Probe.Events.Should().Equal("Setup", "exit=137", "cancelled=True", "Finally", "Teardown:failed");
        result.Errors.Should().Contain("Error: Interrupted.");
        result.Output.Should().MatchRegex(@"Default\s+\S+\s+Failed");
        RunningCommandLines().Should().NotContain(line => line.Contains(signal.Seconds, StringComparison.Ordinal));
    }

    [Fact]
    public void Interrupt_SecondSignal_IsNotInterceptedSoTheProcessEnds()
    {
        using var interruption = new HostInterruption(new CakeBuildLog(new CapturingConsole()));

        interruption.Interrupt("SIGINT").Should().BeTrue();
        interruption.Interrupt("SIGINT").Should().BeFalse();
        interruption.Token.IsCancellationRequested.Should().BeTrue();
    }

    private static IEnumerable<string> RunningCommandLines() =>
        Directory.EnumerateDirectories("/proc")
            .Select(dir => Path.Combine(dir, "cmdline"))
            .Select(path =>
            {
                try
                {
                    return File.ReadAllText(path).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    return string.Empty;
                }
                catch (UnauthorizedAccessException)
                {
                    return string.Empty;
                }
            });
}
