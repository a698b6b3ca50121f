using Build.Tools.Python;
using Cake.Core.Annotations;

namespace Build.Tools.Ruff;

[CakeAliasCategory("Ruff")]
public static class RuffAliases
{
    /// <summary><c>python -m ruff check [--output-format=github] &lt;paths&gt;</c>; exit code 1 means findings.</summary>
    [CakeMethodAlias]
    public static ToolResult RuffCheck(this ICakeContext context, RuffSettings settings) => new RuffRunner(context).Check(settings);
}

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

public sealed class RuffSettings : PythonModuleSettings
{
    /// <summary><c>--output-format=&lt;format&gt;</c>; unset keeps ruff's default.</summary>
    public RuffOutputFormat? OutputFormat { get; init; }
}

public enum RuffOutputFormat
{
    /// <summary>GitHub workflow commands: findings show as annotations on the pull request.</summary>
    [WireName("github")] GitHub,
}
