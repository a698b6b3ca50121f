using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Npm;

[CakeAliasCategory("Npm")]
public static class NpmAliases
{
    [CakeMethodAlias]
    public static ToolResult NpmCi(this ICakeContext context, NpmCiSettings settings) =>
        NpmSettings.Spec.For(context).Run(settings, Command("ci", "--no-audit", "--no-fund").AppendFlag("--prefer-offline", settings.PreferOffline));

    [CakeMethodAlias]
    public static ToolResult NpmRun(this ICakeContext context, NpmRunSettings settings)
    {
        var arguments = Command("run").AppendValue(Require.Value(settings.Script, "NpmRunSettings.Script", "build"));
        if (settings.Arguments.Count > 0)
        {
            arguments.Append("--");
            arguments.AppendValues(settings.Arguments);
        }
        return NpmSettings.Spec.For(context).Run(settings, arguments);
    }

    /// <summary><c>npm audit --audit-level=&lt;level&gt; --json</c>; a registry error body is <see cref="NpmAuditOutcome.AuditUnavailable"/>.</summary>
    [CakeMethodAlias]
    public static NpmAuditResult NpmAudit(this ICakeContext context, NpmAuditSettings settings)
    {
        var arguments = Command("audit").AppendOption("--audit-level", settings.AuditLevel.ToWire(), "=").Append("--json");
        var audit = NpmAuditParser.Parse(NpmSettings.Spec.For(context).Run(settings, arguments, new ToolInvocation { CaptureOutput = true, ThrowOnNonZeroExit = false }));
        if (!audit.Passed && settings.ThrowOnNonZeroExit)
        {
            throw new CakeException(audit.Result.ExitCode == 0 ? 1 : audit.Result.ExitCode, audit.Message ?? "npm audit failed");
        }
        return audit;
    }

    /// <summary><c>npx --no-install &lt;command&gt; [args]</c>, e.g. <c>playwright test</c>: a missing package (a typo) must fail, not download code.</summary>
    [CakeMethodAlias]
    public static ToolResult Npx(this ICakeContext context, NpxSettings settings) => NpxSettings.Spec.For(context).Run(settings, Command("--no-install")
        .AppendValue(Require.Value(settings.Command, "NpxSettings.Command", "playwright"))
        .AppendValues(settings.Arguments));
}
