using Build.Tools.Python;

namespace Build.Tools.Ruff;

public sealed class RuffRunner(ICakeContext context) : PythonModuleTool<RuffSettings>(context, Spec, "ruff")
{
    public static readonly ToolSpec<RuffSettings> Spec = new(
        "ruff",
        "needs a Python with ruff: pip install ruff (PyPI only, no Debian package); without PyPI, put tools/ruff-wasm/python on PYTHONPATH for the ruff call (the host does so when tools/ruff-wasm has its npm packages) to run ruff's WebAssembly build; set PythonPath to that interpreter",
        PythonImports.Interpreters,
        context => new RuffRunner(context));

    public ToolResult Check(RuffSettings settings) => Execute(settings, ModuleArguments()
        .AppendValue("check")
        .AppendOptionIfSet("--output-format", settings.OutputFormat?.ToWire(), "=")
        .AppendValues(Require.Paths(settings.Paths, "RuffSettings.Paths", "the directories to check (e.g. [\"app\", \"tests\"])")));
}
