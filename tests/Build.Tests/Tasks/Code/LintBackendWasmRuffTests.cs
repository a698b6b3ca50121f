using Build.Tests.Support;
using Build.Tests.Tasks.Code.Support;

namespace Build.Tests.Tasks.Code;

/// <summary>
/// Lint-Backend with a real ruff: ruff's own linter engine in its WebAssembly build (tools/ruff-wasm), reached through
/// `python -m ruff` — the form the stage uses with PyPI's ruff on GitHub. Nobody sets PYTHONPATH: the host finds the
/// WebAssembly build itself when the interpreter has no ruff, and puts it on PYTHONPATH for the ruff call alone.
/// </summary>
[Trait("Requires", "python")]
[Trait("Requires", "node")]
public sealed class LintBackendWasmRuffTests
{
    [Fact]
    public async Task LintBackend_WasmRuffOnTheShippedSample_FoundByTheHostAndPassesEveryLinter()
    {
        var result = await CodeStage.RunAsync("Lint-Backend");

        result.ExitCode.Should().Be(0, result.ToString());
        var wasm = Path.Combine(RepoPaths.Root, "tools", "ruff-wasm");
        result.Output.Should().Contain($"ruff: the WebAssembly build in {wasm} (PYTHONPATH={wasm}/python for the ruff call")
            .And.Contain("All checks passed!").And.Contain("ruff: no findings");
    }

    [Fact]
    public async Task LintBackend_WasmRuffOnPlantedDefects_FailsShowingRuffsFindings()
    {
        using var app = AppCopy.Of("backend")
            .Write("backend/app/planted.py", "import os\nimport subprocess\n\n\ndef run(command: str) -> int:\n    return subprocess.call(command, shell=True)\n");

        var result = await CodeStage.RunAsync("Lint-Backend", app.Root);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("app/planted.py:1:8: F401 `os` imported but unused")
            .And.Contain("S602")
            .And.Contain("ruff");
    }
}
