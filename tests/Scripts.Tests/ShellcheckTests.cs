using System.Diagnostics;
using Scripts.Tests.Support;

namespace Scripts.Tests;

public sealed class ShellcheckTests
{
    [Fact]
    [Trait("Requires", "shellcheck")]
    public async Task Smoke_script_has_no_shellcheck_findings()
    {
        var info = new ProcessStartInfo("shellcheck")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoRoot.Path,
        };
        info.ArgumentList.Add("scripts/smoke_tests.sh");
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        output.Should().BeEmpty();
        process.ExitCode.Should().Be(0);
    }
}
