using System.Collections.Immutable;
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

    /// <summary>
    /// SovdPipeline.Definition with <paramref name="cluster"/> on both deploys and <paramref name="registry"/> on
    /// Push-Images; Build-Images reads no layer cache.
    /// </summary>
    public static PipelineDefinition With(ClusterAccess cluster, ImageRegistry registry)
    {
        // Needs hold the targets themselves: a changed target is swapped into every target that needs it, in
        // definition order, so each need points at the target the definition holds.
        var swapped = new Dictionary<PipelineTarget, PipelineTarget>(ReferenceEqualityComparer.Instance);
        ImmutableArray<PipelineTarget> Mapped(ImmutableArray<PipelineTarget> needs) =>
            [.. needs.Select(need => swapped.GetValueOrDefault(need, need))];
        T Swap<T>(T original, T changed, ImmutableArray<PipelineTarget> needs, Func<T, ImmutableArray<PipelineTarget>, T> with)
            where T : PipelineTarget
        {
            var mapped = Mapped(needs);
            var result = changed == original && Enumerable.SequenceEqual(mapped, needs, ReferenceEqualityComparer.Instance)
                ? original
                : with(changed, mapped);
            swapped[original] = result;
            return result;
        }
        Stage SwapStage(Stage stage) => Swap(stage,
            // No layer cache from ECR: reading it means assuming the registry's role through OIDC (id-token: write) in
            // a job that runs on pull requests.
            stage == SovdPipeline.BuildImages ? stage with { ReadsCacheFrom = null }
            : stage == SovdPipeline.PushImages ? stage with { PushesTo = registry }
            : stage == SovdPipeline.DeployStaging || stage == SovdPipeline.DeployProduction ? stage with { Cluster = cluster }
            : stage,
            [.. stage.Needs], (changed, needs) => changed with { Needs = [.. needs.Cast<Stage>()] });
        var stages = SovdPipeline.Definition.Stages.Select(SwapStage).ToImmutableArray();
        var locals = SovdPipeline.Definition.LocalTargets
            .Select(target => Swap(target, target, target.DependsOn, (changed, needs) => changed with { DependsOn = needs }))
            .ToImmutableArray();
        return SovdPipeline.Definition with { Stages = stages, LocalTargets = locals };
    }
}
