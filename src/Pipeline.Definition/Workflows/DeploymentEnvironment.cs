namespace Pipeline.Definition.Workflows;

/// <summary>
/// A GitHub environment. Its protection rules (required reviewers) live in the repository settings;
/// the workflow can only name it.
/// </summary>
public sealed record DeploymentEnvironment(string Name, string? Url = null);
