namespace Build.Tools.Aws;

/// <summary>Options every AWS CLI call takes; command settings derive from it. Credentials come from the CLI's own chain.</summary>
public class AwsSettings : ToolRunnerSettings
{
    public static readonly ToolSpec<AwsSettings> Spec = new(
        "aws",
        "install the AWS CLI v2 (https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html; preinstalled on GitHub's ubuntu runners)",
        ["aws"]);

    /// <summary><c>--region &lt;code&gt;</c>, e.g. <c>eu-central-1</c>; unset uses AWS_REGION or the profile's region.</summary>
    public string? Region { get; init; }
}

/// <summary>
/// <c>aws eks update-kubeconfig --name &lt;cluster&gt; --kubeconfig &lt;file&gt;</c>: writes a kubeconfig whose user runs
/// <c>aws eks get-token</c>, so it holds no credential itself.
/// </summary>
public sealed class AwsEksUpdateKubeconfigSettings : AwsSettings
{
    public string ClusterName { get; init; } = "";

    /// <summary>The file to create (or merge into). Required: the pipeline never touches the user's ~/.kube/config.</summary>
    public FilePath? KubeConfig { get; init; }
}
