namespace Build.Tools.Aws;

[CakeAliasCategory("Aws")]
public static class AwsAliases
{
    [CakeMethodAlias]
    public static AwsCallerIdentity AwsCallerIdentity(this ICakeContext context, AwsSettings? settings = null) =>
        Runner(context).CallerIdentity(settings ?? new AwsSettings());

    [CakeMethodAlias]
    public static ToolResult AwsEksUpdateKubeconfig(this ICakeContext context, AwsEksUpdateKubeconfigSettings settings) =>
        Runner(context).EksUpdateKubeconfig(settings);

    /// <summary>The ECR registry password; hand it to <c>docker login --password-stdin</c> and nowhere else.</summary>
    [CakeMethodAlias]
    public static string AwsEcrLoginPassword(this ICakeContext context, AwsSettings? settings = null) =>
        Runner(context).EcrLoginPassword(settings ?? new AwsSettings());

    private static AwsRunner Runner(ICakeContext context) => new(context);
}

/// <summary>The AWS CLI (v2): who am I, a kubeconfig for an EKS cluster, and the ECR login password.</summary>
public sealed class AwsRunner(ICakeContext context) : CheckedTool<AwsSettings>(context, AwsSettings.Spec)
{
    private static readonly ToolInvocation Capture = new() { CaptureOutput = true, CaptureError = true };

    /// <summary><c>aws sts get-caller-identity --output json</c>: the identity the credentials belong to (needs no permission).</summary>
    public AwsCallerIdentity CallerIdentity(AwsSettings settings)
    {
        var result = Execute(settings, Global(Command("sts", "get-caller-identity"), settings).AppendOption("--output", "json"), Capture);
        return AwsCallerIdentity.Parse(result.Output);
    }

    /// <summary><c>aws eks update-kubeconfig --name … --kubeconfig …</c>; its one line of output ("Added new context …") is logged.</summary>
    public ToolResult EksUpdateKubeconfig(AwsEksUpdateKubeconfigSettings settings)
    {
        var arguments = Command("eks", "update-kubeconfig")
            .AppendOption("--name", Require.Value(settings.ClusterName, "AwsEksUpdateKubeconfigSettings.ClusterName", "sovd-staging"))
            .AppendPathOption("--kubeconfig", Require.NotNull(settings.KubeConfig, "AwsEksUpdateKubeconfigSettings.KubeConfig", "a file in a private temp folder"), Environment);
        return Execute(settings, Global(arguments, settings), Capture with { EchoCaptured = true });
    }

    /// <summary>
    /// <c>aws ecr get-login-password</c>: the registry password (valid 12 hours), captured from standard output and
    /// returned only to be written to <c>docker login --password-stdin</c>; never logged.
    /// </summary>
    public string EcrLoginPassword(AwsSettings settings)
    {
        var password = Execute(settings, Global(Command("ecr", "get-login-password"), settings), Capture).Output.Trim();
        return password.Length > 0 ? password : throw new CakeException("aws ecr get-login-password printed no password.");
    }

    private static ProcessArgumentBuilder Global(ProcessArgumentBuilder arguments, AwsSettings settings) =>
        arguments.AppendOptionIfSet("--region", settings.Region);
}
