using Build.Tools.Python;

namespace Build.Tools.Black;

public sealed class BlackRunner(ICakeContext context) : PythonModuleTool<BlackSettings>(context, Spec, "black")
{
    public static readonly ToolSpec<BlackSettings> Spec = new(
        "black",
        "needs a Python with black: apt-get install -y black (or pip install black); set PythonPath to that interpreter",
        PythonImports.Interpreters,
        context => new BlackRunner(context));

    public ToolResult Run(BlackSettings settings) => Execute(settings, ModuleArguments()
        .AppendValues(["--check", "--diff"])
        .AppendValues(Require.Paths(settings.Paths, "BlackSettings.Paths", "the directories to check (e.g. [\"app\", \"tests\"])")));
}
