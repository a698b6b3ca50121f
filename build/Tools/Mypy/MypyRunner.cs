using Build.Tools.Python;

namespace Build.Tools.Mypy;

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
