namespace Build.Tasks.StageHelpers;

/// <summary>
/// A docker login to the definition's registry for one task (Push-Images, Rescan-Deployed): GHCR with the job's
/// GITHUB_TOKEN, ECR with the AWS CLI's password. <see cref="LogOut"/> belongs in the task's <c>Finally</c>: the token
/// must not stay in the runner's docker config after the job.
/// </summary>
internal sealed class RegistryLogin
{
    private string? _loggedInTo;

    public void LogIn(BuildContext context, ContainerSettings settings)
    {
        if (!settings.LogIn)
        {
            context.Information(
                $"Using the existing docker login for {settings.Registry}, if any (a local registry needs none)");
            return;
        }
        _loggedInTo = settings.Registry;
        if (settings.Ecr is { } ecr)
        {
            EcrLogin.LogIn(context, ecr);
            return;
        }
        context.DockerLogin(new DockerLoginSettings
        {
            Registry = settings.Registry,
            Username = settings.RegistryUser,
            Password = context.Variable(EnvVars.GitHubToken) ?? string.Empty,
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
