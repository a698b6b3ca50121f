using Build.Tests.Frosting.Scenarios;
using Build.Tests.Frosting.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Build.Tests.Frosting;

public sealed class CakeHostInterruptionTests
{
    [Fact]
    public async Task Run_Interrupted_KillsChildProcessRunsFinallyAndTeardownAndReturns130()
    {
        var signal = new SleepSignal();
        var host = new TestHost(typeof(SleepTask));
        host.Host.UseLifetime<RecordingLifetime>().ConfigureServices(services => services.AddSingleton(signal));

        var run = Task.Run(() => host.Run());
        await signal.Started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        host.Host.Interrupt().Should().BeTrue();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(20));

        result.ExitCode.Should().Be(130);
        result.Probe.Events.Should().Equal("Setup", "exit=137", "cancelled=True", "Finally", "Teardown:failed");
        result.Errors.Should().Contain("Error: Interrupted.");
        result.Output.Should().MatchRegex(@"Default\s+\S+\s+Failed");
        RunningCommandLines().Should().NotContain(line => line.Contains(signal.Seconds, StringComparison.Ordinal));
    }

    [Fact]
    public void Interrupt_NoRunInProgress_ReturnsFalse()
    {
        new TestHost(typeof(SleepTask)).Host.Interrupt().Should().BeFalse();
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
