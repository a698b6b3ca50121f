using System.Text.RegularExpressions;
using Build.Tests.Support;

namespace Build.Tests.Settings;

/// <summary>
/// The host finds Python, ruff and the browser by itself and says what it picked, once, at the start of a run; a setting
/// or variable still wins. Dry runs: the choice is made and reported before any stage does anything.
/// </summary>
[Trait("Tier", "process")]
public sealed class HostToolsTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("host-tools-");

    [Fact]
    [Trait("Requires", "python")]
    public async Task Python_NoneConfiguredAndPython3OnPathLacksTheTools_PicksTheSystemInterpreterAndSaysSoOnce()
    {
        // A real interpreter without the backend's tools: Debian's python with its site packages turned off.
        var bin = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "bin")).FullName;
        var bare = Path.Combine(bin, "python3");
        File.WriteAllText(bare, "#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n");
        File.SetUnixFileMode(bare, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = await HostRun.RunAsync(
            ["--target=Lint-Backend", "--target=Test-Backend-Unit", "--dryrun"],
            new Dictionary<string, string?> { ["PATH"] = $"{bin}:/usr/local/bin:/usr/bin:/bin" });

        result.ExitCode.Should().Be(0, result.ToString());
        var line = $"python: /usr/bin/python3 (the system interpreter, has black, mypy, pytest; passed over: python3 on PATH {bare}: lacks black, mypy, pytest)";
        Regex.Matches(result.Output, Regex.Escape(line)).Should().ContainSingle(result.ToString());
        result.Output.Should().Contain("[dry-run] /usr/bin/python3 -m pytest");
    }

    [Fact]
    [Trait("Requires", "python")]
    public async Task Python_PipelinePythonSet_UsesItAndNamesTheVariable()
    {
        var result = await HostRun.RunAsync(["--target=Lint-Backend", "--exclusive", "--dryrun"], new Dictionary<string, string?> { ["PIPELINE_PYTHON"] = "/usr/bin/python3" });

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("python: /usr/bin/python3 (PIPELINE_PYTHON)\n");
    }

    [Fact]
    [Trait("Requires", "chromium")]
    public async Task Browser_NoneConfiguredAndNoPlaywrightBrowser_PicksTheSystemChromium()
    {
        var browsers = Path.Combine(_scratch.FullName, "ms-playwright");

        var result = await HostRun.RunAsync(["--target=Test-E2E", "--exclusive", "--dryrun"], new Dictionary<string, string?> { ["PLAYWRIGHT_BROWSERS_PATH"] = browsers });

        result.Output.Should().Contain($"browser: /usr/bin/chromium (system chromium on PATH; passed over: Playwright's own in {browsers}: not installed)");
    }

    [Fact]
    public async Task Browser_PlaywrightsOwnInstalled_IsPreferredOverTheSystemChromium()
    {
        var browsers = Directory.CreateDirectory(Path.Combine(_scratch.FullName, "ms-playwright", "chromium-1200")).Parent!.FullName;

        var result = await HostRun.RunAsync(["--target=Test-E2E", "--exclusive", "--dryrun"], new Dictionary<string, string?> { ["PLAYWRIGHT_BROWSERS_PATH"] = browsers });

        result.Output.Should().Contain($"browser: Playwright's own Chromium (installed in {browsers})");
    }

    [Fact]
    public async Task Browser_VariableSet_UsesItAndNamesTheVariable()
    {
        var result = await HostRun.RunAsync(["--target=Test-E2E", "--exclusive", "--dryrun"], new Dictionary<string, string?> { ["PLAYWRIGHT_CHROMIUM_EXECUTABLE"] = "/opt/chrome/chrome" });

        result.Output.Should().Contain("browser: /opt/chrome/chrome (PLAYWRIGHT_CHROMIUM_EXECUTABLE)");
    }

    [Fact]
    public async Task CheckWorkflow_NeedsNoneOfThem_LooksForNoTool()
    {
        var result = await HostRun.RunAsync(["--target=Check-Workflow", "--exclusive"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().NotContain("python:").And.NotContain("ruff:").And.NotContain("browser:");
    }

    public void Dispose() => _scratch.Delete(recursive: true);
}
