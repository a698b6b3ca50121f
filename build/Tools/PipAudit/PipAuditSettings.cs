using Build.Tools.Python;
using Cake.Core.IO;

namespace Build.Tools.PipAudit;

/// <summary><c>python -m pip_audit</c>. Does not throw by default (exit 1 = vulnerabilities or an audit failure).</summary>
public sealed class PipAuditSettings : PythonModuleSettings
{
    public PipAuditSettings()
    {
        ThrowOnNonZeroExit = false;
    }

    /// <summary><c>-r &lt;file&gt;</c> each.</summary>
    public IReadOnlyList<FilePath> RequirementFiles { get; init; } = [];

    /// <summary><c>--format &lt;format&gt;</c>; unset keeps pip-audit's default (columns).</summary>
    public PipAuditFormat? Format { get; init; }

    /// <summary><c>-o &lt;file&gt;</c>.</summary>
    public FilePath? OutputFile { get; init; }

    /// <summary><c>--strict</c>: a dependency that cannot be audited fails the run instead of being skipped.</summary>
    public bool Strict { get; init; }

    /// <summary><c>--desc on</c>: include vulnerability descriptions.</summary>
    public bool Descriptions { get; init; }

    /// <summary><c>--ignore-vuln &lt;id&gt;</c> each (accepted risks, with a reason kept next to the list).</summary>
    public IReadOnlyList<string> IgnoredVulnerabilities { get; init; } = [];
}
