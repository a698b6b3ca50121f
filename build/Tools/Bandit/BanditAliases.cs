using Cake.Core.Annotations;

namespace Build.Tools.Bandit;

[CakeAliasCategory("Bandit")]
public static class BanditAliases
{
    /// <summary><c>python -m bandit -r &lt;paths&gt; -ll -ii -f json -o &lt;file&gt;</c>; exit code 1 means issues at or above the thresholds.</summary>
    [CakeMethodAlias]
    public static ToolResult Bandit(this ICakeContext context, BanditSettings settings) => new BanditRunner(context).Run(settings);
}
