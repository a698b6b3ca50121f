using Cake.Core.Annotations;

namespace Build.Tools.Npm;

[CakeAliasCategory("Npm")]
public static class NpmAliases
{
    /// <summary><c>npm ci --no-audit --no-fund [--prefer-offline]</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult NpmCi(this ICakeContext context, NpmCiSettings settings) => new NpmRunner(context).Ci(settings);

    /// <summary><c>npm run &lt;script&gt; [-- args]</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult NpmRun(this ICakeContext context, NpmRunSettings settings) => new NpmRunner(context).Run(settings);

    /// <summary><c>npm audit --audit-level=&lt;level&gt; --json</c>; a registry error body is <see cref="NpmAuditOutcome.AuditUnavailable"/>.</summary>
    [CakeMethodAlias]
    public static NpmAuditResult NpmAudit(this ICakeContext context, NpmAuditSettings settings) => new NpmRunner(context).Audit(settings);
}
