using Cake.Core.Annotations;

namespace Build.Tools.Npx;

[CakeAliasCategory("Npx")]
public static class NpxAliases
{
    /// <summary><c>npx --no-install &lt;command&gt; [args]</c>, e.g. <c>playwright test</c>, <c>eslint .</c>, <c>prettier --check .</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult Npx(this ICakeContext context, NpxSettings settings) => new NpxRunner(context).Run(settings);
}
