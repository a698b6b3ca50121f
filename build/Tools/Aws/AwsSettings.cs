namespace Build.Tools.Aws;

/// <summary>Options every AWS CLI call takes. Credentials come from the CLI's own chain.</summary>
public sealed class AwsSettings : ToolRunnerSettings
{
    public static readonly ToolSpec<AwsSettings> Spec = new(
        "aws",
        "install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html; " +
            "preinstalled on GitHub's ubuntu runners)",
        ["aws"]);

    /// <summary>
    /// <c>--region &lt;code&gt;</c>, e.g. <c>eu-central-1</c>; unset uses AWS_REGION or the profile's region.
    /// </summary>
    public string? Region { get; init; }
}
