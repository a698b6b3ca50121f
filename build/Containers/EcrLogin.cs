namespace Build.Containers;

/// <summary>
/// A private ECR registry, told by its host name <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com</c>: its
/// repositories sit right below the host (no owner), and docker logs in with <c>aws ecr get-login-password</c>.
/// </summary>
public sealed partial record EcrRegistryHost(string Host, string Account, string Region)
{
    public static EcrRegistryHost? TryParse(string? registry) =>
        registry is not null && Pattern().Match(registry.Trim()) is { Success: true } match
            ? new EcrRegistryHost(registry.Trim(), match.Groups[1].Value, match.Groups[2].Value)
            : null;

    [GeneratedRegex(@"^([0-9]{12})\.dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-[0-9])\.amazonaws\.com$")]
    private static partial Regex Pattern();
}

/// <summary>
/// Push-Images to ECR: the AWS CLI turns the credentials at hand (in CI, the role assumed with GitHub's OIDC token)
/// into a 12-hour registry password, which goes straight from <c>aws ecr get-login-password</c>'s output to
/// <c>docker login --password-stdin</c> and is never printed.
/// </summary>
public static class EcrLogin
{
    // The user name ECR's login password goes with.
    private const string LoginUser = "AWS";

    public static void LogIn(BuildContext context, EcrRegistryHost ecr)
    {
        var aws = new AwsSettings { Region = ecr.Region };
        if (context.DryRun)
        {
            context.Information($"[dry-run] aws ecr get-login-password --region {ecr.Region} " +
                $"| docker login {ecr.Host} -u {LoginUser} --password-stdin");
            return;
        }
        var identity = context.AwsCallerIdentity(aws);
        context.Information($"Pushing to {ecr.Host} as {identity.Arn}");
        if (identity.Account != ecr.Account)
        {
            // Allowed (a repository policy can grant another account), but usually a wrong role or registry.
            context.Warning($"The AWS identity belongs to account {identity.Account}, the registry to " +
                $"{ecr.Account}: the push needs a repository policy that grants {identity.Arn}.");
        }
        context.DockerLogin(new DockerLoginSettings
        {
            Registry = ecr.Host,
            Username = LoginUser,
            Password = context.AwsEcrLoginPassword(aws),
        });
    }
}
