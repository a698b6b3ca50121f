namespace Build.Tools.Npm;

/// <summary><c>npm audit --audit-level=&lt;level&gt; --json</c>. Does not throw by default: read <see cref="NpmAuditResult.Outcome"/>.</summary>
public sealed class NpmAuditSettings : NpmSettings
{
    public NpmAuditSettings()
    {
        ThrowOnNonZeroExit = false;
    }

    public NpmAuditLevel AuditLevel { get; init; } = NpmAuditLevel.High;

    /// <summary><c>--omit=dev</c>: audit only what ships.</summary>
    public bool OmitDev { get; init; }
}
