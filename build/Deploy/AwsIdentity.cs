using Build.Tools.Aws;

namespace Build.Deploy;

/// <summary>
/// Before an EKS deploy: are there AWS credentials, and whose? <c>aws sts get-caller-identity</c> needs no permission,
/// so a failure means no credentials at all — said before anything else runs.
/// </summary>
public static class AwsIdentity
{
    public static IEnumerable<string> Problems(BuildContext context, EksTarget target)
    {
        try
        {
            var identity = context.AwsCallerIdentity(new AwsSettings { Region = target.Region });
            context.Information($"AWS identity for the {target}: {identity.Arn}");
            return [];
        }
        catch (Exception error) when (error is CakeException or FormatException)
        {
            return [$"No AWS credentials for the {target} ({error.Message.Split('\n')[0]}): in GitHub Actions the job needs " +
                "id-token: write and the 'Assume the AWS role' step (regenerate the workflow; set the role's ARN variable); " +
                "locally sign in with the AWS CLI (aws configure sso, or AWS_PROFILE)."];
        }
    }
}
