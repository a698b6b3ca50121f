using Build.Tools.Python;
using Cake.Core.IO;

namespace Build.Tools.PipAudit;

/// <summary><c>python -m pip_audit</c> (exit 1 = vulnerabilities or an audit failure).</summary>
public sealed class PipAuditSettings : PythonModuleSettings
{
    /// <summary><c>-r &lt;file&gt;</c> each.</summary>
    public IReadOnlyList<FilePath> RequirementFiles { get; init; } = [];

    /// <summary><c>--format &lt;format&gt;</c>; unset keeps pip-audit's default (columns).</summary>
    public PipAuditFormat? Format { get; init; }

    /// <summary><c>-o &lt;file&gt;</c>.</summary>
    public FilePath? OutputFile { get; init; }
}

public enum PipAuditFormat
{
    [WireName("json")] Json,
}
