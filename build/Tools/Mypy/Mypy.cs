using Build.Tools.Python;
using Cake.Core.Annotations;

namespace Build.Tools.Mypy;

[CakeAliasCategory("Mypy")]
public static class MypyAliases
{
    /// <summary><c>python -m mypy [--config-file f] [--strict] &lt;paths&gt;</c>; exit code 1 means type errors.</summary>
    [CakeMethodAlias]
    public static ToolResult Mypy(this ICakeContext context, MypySettings settings) => new MypyRunner(context).Run(settings);
}

public sealed class MypyRunner(ICakeContext context) : PythonModuleTool<MypySettings>(context, Spec, "mypy")
{
    public static readonly ToolSpec<MypySettings> Spec = new(
        "mypy",
        "needs a Python with mypy: apt-get install -y mypy (or pip install mypy); set PythonPath to that interpreter",
        PythonImports.Interpreters,
        context => new MypyRunner(context));

    public ToolResult Run(MypySettings settings) => Execute(settings, ModuleArguments()
        .AppendValues(Require.Paths(settings.Paths, "MypySettings.Paths", "the packages or directories to check (e.g. [\"app\"])")));
}

/// <summary><c>python -m mypy</c>; strictness and plugins come from pyproject.toml in the working directory.</summary>
public sealed class MypySettings : PythonModuleSettings
{
}
