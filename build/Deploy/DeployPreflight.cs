namespace Build.Deploy;

/// <summary>
/// Every tool, setting and secret format a deploy needs, checked together before anything touches a cluster.
/// </summary>
public static class DeployPreflight
{
    public static void Ensure(BuildContext context, DeploySettings settings)
    {
        var problems = new List<string>();
        try
        {
            // helm deploys; kubectl runs the cluster preflight, the rollout waits and the diagnostics; the smoke script
            // needs bash, curl and jq.
            ToolPreflight.Ensure(context,
            [
                HelmSettings.Spec.Requirement() with
                {
                    InstallHint = $"{HelmSettings.Spec.InstallHint}; here: {DeployTools.InstallScript}, " +
                        "then put .tools/bin on PATH",
                },
                KubectlSettings.Spec.Requirement(),
                OnPath("bash", "install bash"),
                OnPath("curl", "install curl (apt-get install curl; preinstalled on GitHub runners)"),
                OnPath("jq", "install jq (apt-get install jq; preinstalled on GitHub runners)"),
                .. settings.Cluster.Eks is null ? [] : new[] { AwsSettings.Spec.Requirement() },
            ]);
        }
        catch (MissingToolsException missing)
        {
            problems.AddRange(missing.Message.Split('\n'));
        }
        problems.AddRange(settings.Problems);
        problems.AddRange(PrometheusSettings.Problems(context, settings));
        if (problems.Count == 0 && settings.Cluster.Eks is { } eks)
        {
            problems.AddRange(AwsIdentityProblems(context, eks));
        }
        if (problems.Count > 0)
        {
            throw new DeployException(
                $"{settings.Stage.Name} cannot start; nothing was changed:\n  {string.Join("\n  ", problems)}");
        }
    }

    private static ToolRequirement OnPath(string name, string hint) =>
        new(name, hint, context => context.Tools.Resolve(name) is not null);

    /// <summary>
    /// <c>aws sts get-caller-identity</c> needs no permission, so a failure means no credentials at all — said before
    /// anything else runs. A dry run prints the call and gets no answer, which says nothing about the credentials.
    /// </summary>
    private static IEnumerable<string> AwsIdentityProblems(BuildContext context, EksTarget target)
    {
        try
        {
            context.Information($"AWS identity for the {target}: " +
                $"{context.AwsCallerIdentity(new AwsSettings { Region = target.Region }).Arn}");
            return [];
        }
        catch (FormatException) when (context.DryRun)
        {
            return [];
        }
        catch (Exception error) when (error is CakeException or FormatException)
        {
            return [$"No AWS credentials for the {target} ({error.Message.Split('\n')[0]}): " +
                "in GitHub Actions the job needs id-token: write and the 'Assume the AWS role' step " +
                "(regenerate the workflow; set the role's ARN variable); " +
                "locally sign in with the AWS CLI (aws configure sso, or AWS_PROFILE)."];
        }
    }
}
