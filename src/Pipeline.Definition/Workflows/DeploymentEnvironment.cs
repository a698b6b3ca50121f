namespace Pipeline.Definition.Workflows;

/// <summary>
/// A GitHub environment. Its protection rules (required reviewers) live in the repository settings;
/// the workflow can only name it, and GitHub creates an environment it does not know without any protection.
/// </summary>
public sealed record DeploymentEnvironment(string Name, string? Url = null)
{
    /// <summary>
    /// The deploy refuses to run unless GitHub reports a required-reviewers rule on this environment (read with the
    /// job's token, which then needs <c>actions: read</c>). False for teams that protect it another way.
    /// </summary>
    public bool RequiresReviewers { get; init; }
}
