using Cake.Core.Annotations;

namespace Build.Tools.Pytest;

[CakeAliasCategory("Pytest")]
public static class PytestAliases
{
    /// <summary><c>python -m pytest</c>; returns the exit code (1 = failed tests, 5 = none collected) without throwing unless asked.</summary>
    [CakeMethodAlias]
    public static ToolResult Pytest(this ICakeContext context, PytestSettings settings) => new PytestRunner(context).Run(settings);
}
