namespace Build.Tools.PipAudit;

/// <summary><c>python -m pip_audit</c> (exit 1 = vulnerabilities or an audit failure).</summary>
public sealed class PipAuditSettings : PythonModuleSettings
{
    public static readonly ToolSpec<PipAuditSettings> Spec = SpecFor<PipAuditSettings>(
        "pip-audit",
        "needs a Python with pip-audit: pip install pip-audit (PyPI only, and it queries an online vulnerability service); set PythonPath to that interpreter");

    /// <summary><c>-r &lt;file&gt;</c> each.</summary>
    public IReadOnlyList<FilePath> RequirementFiles { get; init; } = [];

    /// <summary><c>--format &lt;format&gt;</c>; unset keeps pip-audit's default (columns).</summary>
    public PipAuditFormat? Format { get; init; }

    public FilePath? OutputFile { get; init; }

    public override string Module => "pip_audit";

    public override ProcessArgumentBuilder AppendArguments(ProcessArgumentBuilder arguments, ICakeEnvironment environment)
    {
        if (RequirementFiles.Count == 0)
        {
            throw new ArgumentException("PipAuditSettings.RequirementFiles is empty: name the requirements file(s) to audit.", "settings");
        }
        foreach (var file in RequirementFiles)
        {
            arguments.AppendPathOption("-r", file, environment);
        }
        return arguments.AppendOptionIfSet("--format", Format?.ToWire()).AppendPathOption("-o", OutputFile, environment);
    }
}

public enum PipAuditFormat
{
    [WireName("json")] Json,
}
