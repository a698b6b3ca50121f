using Cake.Core.Annotations;

namespace Build.Tools.Mypy;

[CakeAliasCategory("Mypy")]
public static class MypyAliases
{
    /// <summary><c>python -m mypy [--config-file f] [--strict] &lt;paths&gt;</c>; exit code 1 means type errors.</summary>
    [CakeMethodAlias]
    public static ToolResult Mypy(this ICakeContext context, MypySettings settings) => new MypyRunner(context).Run(settings);
}
