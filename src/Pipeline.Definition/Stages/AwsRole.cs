namespace Pipeline.Definition.Stages;

/// <summary>
/// An AWS IAM role a job assumes with GitHub's OIDC token (no long-lived keys). The role's ARN is a repository or
/// environment variable (<c>vars.&lt;name&gt;</c>, not a secret: an ARN grants nothing by itself); an environment's
/// variable overrides the repository's, so staging and production can assume different roles.
/// </summary>
public sealed record AwsRole(string Region, string RoleArnVariable)
{
    /// <summary>The expression the workflow passes to <c>role-to-assume</c>.</summary>
    public string RoleArnExpression => $"${{{{ vars.{RoleArnVariable} }}}}";
}
