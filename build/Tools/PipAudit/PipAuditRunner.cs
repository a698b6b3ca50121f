using Build.Tools.Python;
using Cake.Core.IO;
using Cake.Core.Tooling;

namespace Build.Tools.PipAudit;

/// <summary>Runs pip-audit against requirement files.</summary>
public sealed class PipAuditRunner : PythonModuleTool<PipAuditSettings>
{
    public const string InstallHint =
        "needs a Python with pip-audit: pip install pip-audit (PyPI only, and it queries an online vulnerability service); set PythonPath to that interpreter";

    public PipAuditRunner(IFileSystem fileSystem, ICakeEnvironment environment, IProcessRunner processRunner, IToolLocator tools, ICakeLog log)
        : base(fileSystem, environment, processRunner, tools, log)
    {
    }

    public PipAuditRunner(ICakeContext context)
        : this(context.FileSystem, context.Environment, context.ProcessRunner, context.Tools, context.Log)
    {
    }

    public static ToolRequirement Requirement(PipAuditSettings? settings = null) =>
        new("pip-audit", InstallHint, context => new PipAuditRunner(context).IsAvailable(settings ?? new PipAuditSettings()));

    protected override string ModuleName => "pip_audit";

    public ToolResult Run(PipAuditSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.RequirementFiles.Count == 0)
        {
            throw new ArgumentException("PipAuditSettings.RequirementFiles is empty: name the requirements file(s) to audit.", nameof(settings));
        }
        var arguments = ModuleArguments();
        foreach (var file in settings.RequirementFiles)
        {
            arguments.AppendPathOption("-r", file, Environment);
        }
        arguments.AppendOptionIfSet("--format", settings.Format?.ToWire())
            .AppendPathOption("-o", settings.OutputFile, Environment)
            .AppendFlag("--strict", settings.Strict);
        if (settings.Descriptions)
        {
            arguments.AppendOption("--desc", "on");
        }
        arguments.AppendOptions("--ignore-vuln", settings.IgnoredVulnerabilities);
        return Execute(settings, arguments);
    }
}
