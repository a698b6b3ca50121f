using Cake.Core.Annotations;

namespace Build.Tools.PipAudit;

[CakeAliasCategory("PipAudit")]
public static class PipAuditAliases
{
    /// <summary><c>python -m pip_audit -r &lt;file&gt; --format json -o &lt;file&gt; [--strict] [--desc on]</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult PipAudit(this ICakeContext context, PipAuditSettings settings) => new PipAuditRunner(context).Run(settings);
}
