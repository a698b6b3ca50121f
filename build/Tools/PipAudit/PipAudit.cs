using Build.Tools.Python;
using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Build.Tools.PipAudit;

[CakeAliasCategory("PipAudit")]
public static class PipAuditAliases
{
    [CakeMethodAlias]
    public static ToolResult PipAudit(this ICakeContext context, PipAuditSettings settings) => new PipAuditRunner(context).Run(settings);
}

public sealed class PipAuditRunner(ICakeContext context) : PythonModuleTool<PipAuditSettings>(context, Spec, "pip_audit")
{
    public static readonly ToolSpec<PipAuditSettings> Spec = new(
        "pip-audit",
        "needs a Python with pip-audit: pip install pip-audit (PyPI only, and it queries an online vulnerability service); set PythonPath to that interpreter",
        PythonImports.Interpreters,
        context => new PipAuditRunner(context));

    public ToolResult Run(PipAuditSettings settings)
    {
        if (settings.RequirementFiles.Count == 0)
        {
            throw new ArgumentException("PipAuditSettings.RequirementFiles is empty: name the requirements file(s) to audit.", nameof(settings));
        }
        var arguments = ModuleArguments();
        foreach (var file in settings.RequirementFiles)
        {
            arguments.AppendPathOption("-r", file, Environment);
        }
        return Execute(settings, arguments.AppendOptionIfSet("--format", settings.Format?.ToWire()).AppendPathOption("-o", settings.OutputFile, Environment));
    }
}

/// <summary><c>python -m pip_audit</c> (exit 1 = vulnerabilities or an audit failure).</summary>
public sealed class PipAuditSettings : PythonModuleSettings
{
    /// <summary><c>-r &lt;file&gt;</c> each.</summary>
    public IReadOnlyList<FilePath> RequirementFiles { get; init; } = [];

    /// <summary><c>--format &lt;format&gt;</c>; unset keeps pip-audit's default (columns).</summary>
    public PipAuditFormat? Format { get; init; }

    public FilePath? OutputFile { get; init; }
}

public enum PipAuditFormat
{
    [WireName("json")] Json,
}
