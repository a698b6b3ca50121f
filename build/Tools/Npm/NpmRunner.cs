using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.Npm;

/// <summary>The npm CLI: ci, run, audit.</summary>
public sealed class NpmRunner : PipelineTool<NpmSettings>
{
    public const string InstallHint = "install Node.js 24 with npm (scripts/setup-machine.sh puts it in .tools/node; actions/setup-node on GitHub)";

    public NpmRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public NpmRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(NpmSettings? settings = null) =>
        new("npm", InstallHint, context => new NpmRunner(context).IsAvailable(settings ?? new NpmSettings()));

    protected override string GetToolName() => "npm";

    protected override IEnumerable<string> GetToolExecutableNames() => ["npm", "npm.cmd"];

    public ToolResult Ci(NpmCiSettings settings) =>
        Execute(settings, Command("ci")
            .AppendFlag("--no-audit", settings.NoAudit)
            .AppendFlag("--no-fund", settings.NoFund)
            .AppendFlag("--prefer-offline", settings.PreferOffline)
            .AppendFlag("--ignore-scripts", settings.IgnoreScripts));

    public ToolResult Run(NpmRunSettings settings)
    {
        var arguments = Command("run")
            .AppendValue(Require.Value(settings.Script, "NpmRunSettings.Script", "build"))
            .AppendFlag("--if-present", settings.IfPresent);
        if (settings.Arguments.Count > 0)
        {
            arguments.Append("--");
            arguments.AppendValues(settings.Arguments);
        }
        return Execute(settings, arguments);
    }

    public NpmAuditResult Audit(NpmAuditSettings settings)
    {
        var arguments = Command("audit")
            .AppendOption("--audit-level", settings.AuditLevel.ToWire(), "=")
            .Append("--json")
            .AppendFlag("--omit=dev", settings.OmitDev);
        var audit = NpmAuditParser.Parse(Execute(settings, arguments, new ToolInvocation { CaptureOutput = true, ThrowOnNonZeroExit = false }));
        if (!audit.Passed && settings.ThrowOnNonZeroExit)
        {
            throw new CakeException(audit.Result.ExitCode == 0 ? 1 : audit.Result.ExitCode, audit.Message ?? "npm audit failed");
        }
        return audit;
    }

    private static ProcessArgumentBuilder Command(string command)
    {
        var arguments = new ProcessArgumentBuilder();
        arguments.Append(command);
        return arguments;
    }
}
