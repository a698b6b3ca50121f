using Build.Tools.Aws;
using Build.Tools.Docker;

namespace Build.Containers;

/// <summary>
/// Push-Images to ECR: the AWS CLI turns the credentials at hand (in CI, the role assumed with GitHub's OIDC token)
/// into a 12-hour registry password, which goes straight from <c>aws ecr get-login-password</c>'s output to
/// <c>docker login --password-stdin</c> and is never printed.
/// </summary>
public static class EcrLogin
{
    public static IEnumerable<ToolRequirement> Requirements(Settings.ContainerSettings settings) =>
        settings.Ecr is null ? [] : [AwsRunner.Spec.Requirement()];

    public static void LogIn(BuildContext context, EcrRegistryHost ecr)
    {
        var aws = new AwsSettings { Region = ecr.Region };
        if (context.DryRun)
        {
            context.Information($"[dry-run] aws ecr get-login-password --region {ecr.Region} | docker login {ecr.Host} -u {EcrRegistryHost.LoginUser} --password-stdin");
            return;
        }
        var identity = context.AwsCallerIdentity(aws);
        context.Information($"Pushing to {ecr.Host} as {identity.Arn}");
        if (identity.Account != ecr.Account)
        {
            // Allowed (a repository policy can grant another account), but usually a wrong role or registry.
            context.Warning($"The AWS identity belongs to account {identity.Account}, the registry to {ecr.Account}: the push needs a repository policy that grants {identity.Arn}.");
        }
        context.DockerLogin(new DockerLoginSettings
        {
            Registry = ecr.Host,
            Username = EcrRegistryHost.LoginUser,
            Password = context.AwsEcrLoginPassword(aws),
        });
    }
}
