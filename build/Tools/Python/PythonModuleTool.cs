using Cake.Core.IO;

namespace Build.Tools.Python;

/// <summary>Runs <c>&lt;python&gt; -m &lt;module&gt; …</c>; available only when the interpreter can import the module.</summary>
/// <param name="module">The importable module name (<c>pip_audit</c>, not <c>pip-audit</c>).</param>
public abstract class PythonModuleTool<TSettings>(ICakeContext context, ToolSpec<TSettings> spec, string module) : CheckedTool<TSettings>(context, spec)
    where TSettings : PythonModuleSettings, new()
{
    /// <summary>Modules the run also needs (pytest-cov's <c>pytest_cov</c> when coverage is asked for).</summary>
    protected virtual IEnumerable<string> RequiredModules(TSettings settings) => [module];

    protected override string GetToolName() => $"python -m {module}";

    public override bool IsAvailable(TSettings settings) =>
        GetToolPath(settings) is { } python && Context.FileSystem.Exist(python)
        && PythonImports.Missing(ProcessRunner, python, RequiredModules(settings), GetEnvironmentVariables(settings)) is [];

    protected ProcessArgumentBuilder ModuleArguments() => Command("-m", module);
}
