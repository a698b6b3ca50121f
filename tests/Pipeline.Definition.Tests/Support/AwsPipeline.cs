using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Tests.Support;

/// <summary>
/// The real pipeline with the other cloud choice: EKS through an OIDC-assumed role for both deploys and ECR for
/// Push-Images, as the README's "Deployments" section sets it up.
/// </summary>
internal static class AwsPipeline
{
    public const string Region = "eu-central-1";
    public const string Account = "123456789012";
    public const string DeployRoleVariable = "AWS_DEPLOY_ROLE_ARN";
    public const string PushRoleVariable = "AWS_ECR_PUSH_ROLE_ARN";

    public static readonly ClusterAccess Eks = ClusterAccess.Eks(Region, DeployRoleVariable,
        new Dictionary<string, string> { ["staging"] = "sovd-staging", ["production"] = "sovd-production" });

    public static readonly ImageRegistry Ecr = ImageRegistry.Ecr(Account, Region, PushRoleVariable);

    public static readonly PipelineDefinition Definition = With(Eks, Ecr);

    /// <summary>SovdPipeline.Definition with <paramref name="cluster"/> on both deploys and <paramref name="registry"/> on Push-Images.</summary>
    public static PipelineDefinition With(ClusterAccess cluster, ImageRegistry registry)
    {
        var push = SovdPipeline.PushImages with { PushesTo = registry };
        var staging = SovdPipeline.DeployStaging with { Needs = [push], Cluster = cluster };
        var production = SovdPipeline.DeployProduction with { Needs = [push], Cluster = cluster };
        var stages = SovdPipeline.Definition.Stages
            .Select(stage => stage == SovdPipeline.PushImages ? push
                : stage == SovdPipeline.DeployStaging ? staging
                : stage == SovdPipeline.DeployProduction ? production
                : stage);
        return SovdPipeline.Definition with { Stages = [.. stages] };
    }
}
