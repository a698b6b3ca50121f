using Build.Tools.Python;
using Cake.Core.Annotations;

namespace Build.Tools.Black;

[CakeAliasCategory("Black")]
public static class BlackAliases
{
    /// <summary><c>python -m black --check --diff &lt;paths&gt;</c>; exit code 1 means files would be reformatted.</summary>
    [CakeMethodAlias]
    public static ToolResult Black(this ICakeContext context, BlackSettings settings) => new BlackRunner(context).Run(settings);
}

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

/// <summary><c>python -m black --check --diff</c>: reports, never rewrites.</summary>
public sealed class BlackSettings : PythonModuleSettings
{
}
