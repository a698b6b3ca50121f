using Build.Tools.Python;

namespace Build.Tools.PipAudit;

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
