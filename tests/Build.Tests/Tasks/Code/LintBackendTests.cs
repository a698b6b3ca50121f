using Build.Tests.Support;
using Build.Tests.Tasks.Code.Support;

namespace Build.Tests.Tasks.Code;

/// <summary>Lint-Backend with real black and mypy; ruff is not installable here, so it is a recording stand-in.</summary>
[Trait("Requires", "python")]
public sealed class LintBackendTests
{
    private const string RuffFinding = "app/planted.py:1:8: F401 [*] `os` imported but unused";

    [Fact]
    public async Task LintBackend_ShippedSample_PassesWithStandInRuff()
    {
        using var ruff = new PythonModuleStandIn("ruff");

        var result = await CodeStage.RunAsync("Lint-Backend", environment: ruff.Environment);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("ruff: no findings").And.Contain("black: no findings").And.Contain("mypy: no findings")
            .And.Contain("Success: no issues found");
        ruff.Calls.Should().Equal("ruff check app tests");
    }

    [Fact]
    public async Task LintBackend_PlantedFormattingAndTypeErrors_StandInRuffFindings_RunsEveryLinterThenNamesAll()
    {
        using var app = AppCopy.Of("backend")
            .Write("backend/app/planted.py", "import os\n\n\ndef answer() -> int:\n    return \"forty-two\"\n")
            .Append("backend/app/domain.py", "\nPLANTED = {  'badly':1 }\n");
        using var ruff = new PythonModuleStandIn("ruff", stdout: RuffFinding + "\nFound 1 error.\n", exitCode: 1);

        var result = await CodeStage.RunAsync("Lint-Backend", app.Root, environment: ruff.Environment);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain(RuffFinding)
            .And.Contain("would reformat").And.Contain("domain.py")
            .And.Contain("app/planted.py:5: error: Incompatible return value type")
            .And.Contain("Lint-Backend failed: 3 of 3 linters found problems: ruff, black, mypy");
    }

    [Fact]
    public async Task LintBackend_PlantedFormattingErrorOnly_FailsNamingBlackAlone()
    {
        using var app = AppCopy.Of("backend").Append("backend/app/domain.py", "\nPLANTED = {  'badly':1 }\n");
        using var ruff = new PythonModuleStandIn("ruff");

        var result = await CodeStage.RunAsync("Lint-Backend", app.Root, environment: ruff.Environment);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("+PLANTED = {\"badly\": 1}")
            .And.Contain("mypy: no findings")
            .And.Contain("Lint-Backend failed: 1 of 3 linters found problems: black (findings above)");
    }

    [Fact]
    public async Task LintBackend_RuffNotInstalledAndWasmBuildOff_FailsBeforeAnyLinterRunsNamingWhatWasTried()
    {
        var result = await CodeStage.RunAsync("Lint-Backend", arguments: ["--ruff-wasm="]);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("Missing tool 'ruff'")
            .And.Contain($"{CodeStage.Python} -m pip install -r backend/requirements-dev.txt")
            .And.Contain("--python=")
            .And.Contain($"tried: the ruff module of {CodeStage.Python}: not installed; the WebAssembly build: turned off by --ruff-wasm=");
        result.Output.Should().NotContain("--- black ---").And.NotContain("Missing tool 'black'");
    }

    [Fact]
    public async Task LintBackend_DryRun_PrintsEachLinterCommandInTheBackendFolder()
    {
        var result = await CodeStage.RunAsync("Lint-Backend", arguments: ["--dryrun"]);

        result.ExitCode.Should().Be(0, result.ToString());
        var backend = Path.Combine(RepoPaths.App, "backend");
        result.Output.Should().Contain($"[dry-run] {CodeStage.Python} -m ruff check app tests (in {backend})")
            .And.Contain($"[dry-run] {CodeStage.Python} -m black --check --diff app tests (in {backend})")
            .And.Contain($"[dry-run] {CodeStage.Python} -m mypy app tests (in {backend})");
    }
}
