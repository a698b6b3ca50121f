namespace Build.Containers;

/// <summary>
/// The registry the images are named after and pushed to, and how the image stages log in to it.
/// </summary>
public sealed record RegistryAccess(
    // The definition's registry in GitHub Actions, else the local one; optionally with a port.
    string Host,
    // Lower case (local outside CI); empty for ECR, whose repositories sit below the host.
    string Owner,
    // Locally an existing login is used; GitHub Actions and ECR log in.
    bool LogIn,
    string User,
    // Null for any registry but ECR, which is logged in to through the AWS CLI.
    EcrRegistryHost? Ecr)
{
    public static RegistryAccess From(BuildContext context)
    {
        var host = context.Argument(ArgumentNames.Registry,
            context.IsGitHubActions ? SovdPipeline.Registry.Host : ContainerSettings.LocalRegistry).Trim();
        var ecr = EcrRegistryHost.TryParse(host);
        // Outside CI an unset owner is the local one; in CI Check() reports it missing.
        var owner = context.ImageOwner(host)
            ?? (context.IsGitHubActions ? string.Empty : ContainerSettings.LocalOwner);
        return new RegistryAccess(
            Host: host,
            Owner: owner,
            // ECR's password comes from the AWS credentials at hand, so Push-Images logs in wherever it runs.
            LogIn: context.IsGitHubActions || ecr is not null,
            User: context.ArgumentOrNull(ArgumentNames.RegistryUser)
                ?? context.GitHubRun().Actor.NullIfBlank() ?? owner,
            Ecr: ecr);
    }
}
