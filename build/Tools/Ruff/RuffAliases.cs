using Cake.Core.Annotations;

namespace Build.Tools.Ruff;

[CakeAliasCategory("Ruff")]
public static class RuffAliases
{
    /// <summary><c>python -m ruff check [--output-format=github] &lt;paths&gt;</c>; exit code 1 means findings.</summary>
    [CakeMethodAlias]
    public static ToolResult RuffCheck(this ICakeContext context, RuffSettings settings) => new RuffRunner(context).Check(settings);
}
