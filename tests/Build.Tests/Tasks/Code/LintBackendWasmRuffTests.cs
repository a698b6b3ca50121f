using Build.Tests.Support;
using Build.Tests.Tasks.Code.Support;

namespace Build.Tests.Tasks.Code;

/// <summary>
/// Lint-Backend with a real ruff: ruff's own linter engine in its WebAssembly build (tools/ruff-wasm), reached through
/// `python -m ruff` — the form the stage uses with PyPI's ruff on GitHub.
/// </summary>
[Trait("Requires", "python")]
[Trait("Requires", "node")]
public sealed class LintBackendWasmRuffTests
{
    private static readonly Dictionary<string, string?> WasmRuff = new()
    {
        ["PYTHONPATH"] = Path.Combine(RepoPaths.Root, "tools", "ruff-wasm", "python"),
    };

    [Fact]
    public async Task LintBackend_WasmRuffOnTheShippedSample_PassesEveryLinter()
    {
        var result = await CodeStage.RunAsync("Lint-Backend", environment: WasmRuff);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("All checks passed!").And.Contain("ruff: no findings");
    }

    [Fact]
    public async Task LintBackend_WasmRuffOnPlantedDefects_FailsShowingRuffsFindings()
    {
        using var app = AppCopy.Of("backend")
            .Write("backend/app/planted.py", "import os\nimport subprocess\n\n\ndef run(command: str) -> int:\n    return subprocess.call(command, shell=True)\n");

        var result = await CodeStage.RunAsync("Lint-Backend", app.Root, environment: WasmRuff);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("app/planted.py:1:8: F401 `os` imported but unused")
            .And.Contain("S602")
            .And.Contain("ruff");
    }
}
