namespace Build.Tasks.StageHelpers;

/// <summary>
/// A docker login to the definition's registry for one task (Build-Images' layer cache, Push-Images, Rescan-Deployed):
/// GHCR with the job's GITHUB_TOKEN, ECR with the AWS CLI's password. <see cref="LogOut"/> belongs in the task's
/// <c>Finally</c>: the token must not stay in the runner's docker config after the job.
/// </summary>
internal sealed class RegistryLogin
{
    private string? _loggedInTo;
    private string? _token;

    /// <summary>
    /// Takes GITHUB_TOKEN out of the host's own environment, which every child process inherits (npm ci, every
    /// dependency's install script, the bundle, docker build): from here on only <c>docker login</c> sees it, on its
    /// standard input. Call it before the task starts any process.
    /// </summary>
    public void TakeToken(ICakeContext context)
    {
        _token ??= context.Variable(EnvVars.GitHubToken);
        Environment.SetEnvironmentVariable(EnvVars.GitHubToken, null);
    }

    public void LogIn(BuildContext context, ContainerSettings settings)
    {
        if (!settings.Registry.LogIn)
        {
            context.Information(
                $"Using the existing docker login for {settings.Registry.Host}, if any (a local registry needs none)");
            return;
        }
        _loggedInTo = settings.Registry.Host;
        if (settings.Registry.Ecr is { } ecr)
        {
            EcrLogin.LogIn(context, ecr);
            return;
        }
        context.DockerLogin(new DockerLoginSettings
        {
            Registry = settings.Registry.Host,
            Username = settings.Registry.User,
            Password = _token ?? context.Variable(EnvVars.GitHubToken) ?? string.Empty,
        });
    }

    public void LogOut(BuildContext context)
    {
        if (_loggedInTo is { } registry)
        {
            context.DockerLogout(registry, new DockerSettings { ThrowOnNonZeroExit = false, Teardown = true });
            _loggedInTo = null;
        }
    }
}
