using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Aws;

/// <summary>The AWS CLI (v2): who am I, a kubeconfig for an EKS cluster, and the ECR login password.</summary>
[CakeAliasCategory("Aws")]
public static class AwsAliases
{
    private static readonly ToolInvocation Capture = new() { CaptureOutput = true, CaptureError = true };

    /// <summary>
    /// <c>aws sts get-caller-identity --output json</c>: the identity the credentials belong to (needs no permission).
    /// </summary>
    [CakeMethodAlias]
    public static AwsCallerIdentity AwsCallerIdentity(this ICakeContext context, AwsSettings settings)
    {
        var arguments =
            Command("sts", "get-caller-identity").AppendOptionIfSet("--region", settings.Region).AppendOption(
            "--output", "json");
        return Tools.Aws.AwsCallerIdentity.Parse(
            AwsSettings.Spec.For(context).Run(settings, arguments, Capture).Output);
    }

    /// <summary>
    /// <c>aws eks update-kubeconfig --name &lt;cluster&gt; --kubeconfig &lt;file&gt;</c>: writes (or merges into)
    /// <paramref name="kubeConfig"/> a context whose user runs <c>aws eks get-token</c>, so the file holds no
    /// credential. The file is required: the pipeline never touches the user's ~/.kube/config. Its one line of output
    /// ("Added new context …") is logged.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult AwsEksUpdateKubeconfig(this ICakeContext context, string cluster, FilePath kubeConfig,
        AwsSettings settings)
    {
        var arguments = Command("eks", "update-kubeconfig")
            .AppendOption("--name", Require.Value(cluster, "cluster", "sovd-staging"))
            .AppendPathOption("--kubeconfig",
                Require.NotNull(kubeConfig, "kubeConfig", "a file in a private temp folder"), context.Environment);
        return Run(context, settings, arguments, Capture with { EchoCaptured = true });
    }

    /// <summary>
    /// <c>aws ecr get-login-password</c>: the registry password (valid 12 hours), captured from standard output and
    /// returned only to be written to <c>docker login --password-stdin</c>; never logged.
    /// </summary>
    [CakeMethodAlias]
    public static string AwsEcrLoginPassword(this ICakeContext context, AwsSettings settings)
    {
        var password = Run(context, settings, Command("ecr", "get-login-password"), Capture).Output.Trim();
        return password.Length > 0 ? password
            : throw new CakeException("aws ecr get-login-password printed no password.");
    }

    private static ToolResult Run(ICakeContext context, AwsSettings settings, ProcessArgumentBuilder arguments,
        ToolInvocation invocation) =>
        AwsSettings.Spec.For(context).Run(settings, arguments.AppendOptionIfSet("--region", settings.Region),
            invocation);
}
