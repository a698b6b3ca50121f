using System.Diagnostics;
using Build.Tests.Support;
using Pipeline.Tests.Shared;

namespace Build.Tests.Host;

/// <summary>build.ps1 under PowerShell behaves like build.sh (pwsh comes from scripts/setup-machine.sh).</summary>
[Trait("Requires", "pwsh")]
public sealed class PowerShellBootstrapperTests
{
    private static readonly string Pwsh = Path.Combine(RepoPaths.Root, ".tools", "pwsh", "pwsh");

    [Fact]
    public async Task BuildPs1_UnknownTarget_ListsValidTargetsAndExitsOne()
    {
        var (exitCode, output) = await RunAsync("--target=Nope");

        exitCode.Should().Be(1, output);
        output.Should().Contain("Error: The target 'Nope' was not found. Valid targets:").And.Contain("Deploy-Production");
    }

    [Fact]
    public async Task BuildPs1_KnownTarget_RunsTheHost()
    {
        var (exitCode, output) = await RunAsync("--target=List-Pins");

        exitCode.Should().Be(0, output);
        output.Should().Contain("actions/checkout");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string argument)
    {
        File.Exists(Pwsh).Should().BeTrue($"PowerShell is expected at {Pwsh}; run scripts/setup-machine.sh");
        var info = new ProcessStartInfo(Pwsh)
        {
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var part in new[] { "-NoProfile", "-NonInteractive", "-File", Path.Combine(RepoPaths.Root, "build.ps1"), argument })
        {
            info.ArgumentList.Add(part);
        }

        HermeticEnvironment.Apply(info.Environment);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
