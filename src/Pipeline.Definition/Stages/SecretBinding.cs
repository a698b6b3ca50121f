namespace Pipeline.Definition.Stages;

/// <summary>A repository or environment secret handed to a stage's task through an environment variable.</summary>
public sealed record SecretBinding(string EnvironmentVariable, string SecretName)
{
    /// <summary>The token GitHub creates for every run; it needs no environment.</summary>
    public static SecretBinding GitHubToken { get; } = new("GITHUB_TOKEN", "GITHUB_TOKEN");

    public bool IsRunToken => SecretName == GitHubToken.SecretName;
}
