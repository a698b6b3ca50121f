using Cake.Core.Annotations;

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
