using Cake.Core.Annotations;

namespace Build.Tools.Black;

[CakeAliasCategory("Black")]
public static class BlackAliases
{
    /// <summary><c>python -m black --check --diff &lt;paths&gt;</c>; exit code 1 means files would be reformatted.</summary>
    [CakeMethodAlias]
    public static ToolResult Black(this ICakeContext context, BlackSettings settings) => new BlackRunner(context).Run(settings);
}
