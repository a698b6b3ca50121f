using Build.Tools.Python;

namespace Build.Tools.Bandit;

public sealed class BanditRunner(ICakeContext context) : PythonModuleTool<BanditSettings>(context, Spec, "bandit")
{
    public static readonly ToolSpec<BanditSettings> Spec = new(
        "bandit",
        "needs a Python with bandit: apt-get install -y bandit (or pip install bandit); set PythonPath to that interpreter",
        PythonImports.Interpreters,
        context => new BanditRunner(context));

    public ToolResult Run(BanditSettings settings) => Execute(settings, ModuleArguments()
        .AppendValue("-r")
        .AppendValues(Require.Paths(settings.Paths, "BanditSettings.Paths", "the directories to scan (e.g. [\"app\"])"))
        .AppendOptionIfSet("-f", settings.Format?.ToWire())
        .AppendPathOption("-o", settings.OutputFile, Environment)
        .AppendFlag("-q", settings.Quiet));
}
