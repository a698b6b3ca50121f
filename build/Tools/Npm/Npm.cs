namespace Build.Tools.Npm;

[CakeAliasCategory("Npm")]
public static class NpmAliases
{
    [CakeMethodAlias]
    public static ToolResult NpmCi(this ICakeContext context, NpmCiSettings settings) => new NpmRunner(context).Ci(settings);

    [CakeMethodAlias]
    public static ToolResult NpmRun(this ICakeContext context, NpmRunSettings settings) => new NpmRunner(context).Run(settings);

    /// <summary><c>npm audit --audit-level=&lt;level&gt; --json</c>; a registry error body is <see cref="NpmAuditOutcome.AuditUnavailable"/>.</summary>
    [CakeMethodAlias]
    public static NpmAuditResult NpmAudit(this ICakeContext context, NpmAuditSettings settings) => new NpmRunner(context).Audit(settings);
}

/// <summary>The npm CLI: ci, run, audit.</summary>
public sealed class NpmRunner(ICakeContext context) : CheckedTool<NpmSettings>(context, NpmSettings.Spec)
{
    public ToolResult Ci(NpmCiSettings settings) =>
        Execute(settings, Command("ci", "--no-audit", "--no-fund").AppendFlag("--prefer-offline", settings.PreferOffline));

    public ToolResult Run(NpmRunSettings settings)
    {
        var arguments = Command("run").AppendValue(Require.Value(settings.Script, "NpmRunSettings.Script", "build"));
        if (settings.Arguments.Count > 0)
        {
            arguments.Append("--");
            arguments.AppendValues(settings.Arguments);
        }
        return Execute(settings, arguments);
    }

    public NpmAuditResult Audit(NpmAuditSettings settings)
    {
        var arguments = Command("audit").AppendOption("--audit-level", settings.AuditLevel.ToWire(), "=").Append("--json");
        var audit = NpmAuditParser.Parse(Execute(settings, arguments, new ToolInvocation { CaptureOutput = true, ThrowOnNonZeroExit = false }));
        if (!audit.Passed && settings.ThrowOnNonZeroExit)
        {
            throw new CakeException(audit.Result.ExitCode == 0 ? 1 : audit.Result.ExitCode, audit.Message ?? "npm audit failed");
        }
        return audit;
    }
}
