namespace Build.Settings;

/// <summary>Environment variables the host reads; GitHub Actions sets the GITHUB_* ones.</summary>
public static class EnvVars
{
    public const string Python = "PIPELINE_PYTHON";
    public const string GitHubActions = "GITHUB_ACTIONS";
    public const string GitHubSha = "GITHUB_SHA";
    public const string GitHubRepositoryOwner = "GITHUB_REPOSITORY_OWNER";
    public const string GitHubRepository = "GITHUB_REPOSITORY";
    public const string GitHubServerUrl = "GITHUB_SERVER_URL";
    public const string GitHubToken = "GITHUB_TOKEN";
    public const string GitHubApiUrl = "GITHUB_API_URL";
}
