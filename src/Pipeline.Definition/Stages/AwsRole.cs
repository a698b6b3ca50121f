namespace Pipeline.Definition.Stages;

/// <summary>
/// An AWS IAM role a job assumes with GitHub's OIDC token (no long-lived keys). The role's ARN is a repository or
/// environment variable (<c>vars.&lt;name&gt;</c>, not a secret: an ARN grants nothing by itself); an environment's
/// variable overrides the repository's, so staging and production can assume different roles.
/// </summary>
public sealed record AwsRole(string Region, string RoleArnVariable)
{
    /// <summary>
    /// The longest session an IAM role can grant: its MaxSessionDuration is at most 12 hours (IAM API reference,
    /// CreateRole/UpdateRole MaxSessionDuration: 3600 to 43200 seconds).
    /// </summary>
    public const int MaxSessionSeconds = 43200;

    /// <summary>STS AssumeRoleWithWebIdentity takes DurationSeconds from 900 (15 minutes) up.</summary>
    public const int MinSessionSeconds = 900;

    /// <summary>
    /// The session for a job of <paramref name="timeoutMinutes"/>: its whole budget, so credentials cannot expire
    /// mid-deploy. aws-actions/configure-aws-credentials v6.2.3 action.yml (read 2026-12-07): role-duration-seconds,
    /// "Role duration in seconds. Default is one hour."
    /// </summary>
    public static int SessionSeconds(int timeoutMinutes) => Math.Max(timeoutMinutes * 60, MinSessionSeconds);

    /// <summary>The expression the workflow passes to <c>role-to-assume</c>.</summary>
    public string RoleArnExpression => $"${{{{ vars.{RoleArnVariable} }}}}";
}
