using System.Collections.Immutable;

namespace Pipeline.Definition.Stages;

/// <summary>
/// How a deploy stage reaches its Kubernetes cluster: a static kubeconfig in a secret, or AWS EKS through an IAM role
/// assumed with GitHub's OIDC token, the kubeconfig then written by <c>aws eks update-kubeconfig</c>.
/// </summary>
public abstract record ClusterAccess
{
    /// <summary>The environment variable the host reads the base64 kubeconfig from.</summary>
    public const string KubeConfigDataVariable = "KUBE_CONFIG_DATA";

    /// <summary>A kubeconfig (base64) in the environment's secret <paramref name="secretName"/>: any cluster, long-lived credentials.</summary>
    public static ClusterAccess KubeconfigSecret(string secretName = "KUBE_CONFIG") => new KubeconfigSecretAccess(secretName);

    /// <summary>EKS in <paramref name="region"/>: one cluster per environment, reached through the role in <c>vars.&lt;roleArnVariable&gt;</c>.</summary>
    public static ClusterAccess Eks(string region, string roleArnVariable, IReadOnlyDictionary<string, string> clusterPerEnvironment) =>
        new EksAccess(new AwsRole(region, roleArnVariable), ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, clusterPerEnvironment));

    /// <summary>The role the job assumes before the host runs, when the cluster is on AWS.</summary>
    public abstract AwsRole? Role { get; }

    /// <summary>The secrets the job hands to the host for this access.</summary>
    public abstract ImmutableArray<SecretBinding> Secrets { get; }
}

public sealed record KubeconfigSecretAccess(string SecretName) : ClusterAccess
{
    public override AwsRole? Role => null;

    public override ImmutableArray<SecretBinding> Secrets => [new SecretBinding(KubeConfigDataVariable, SecretName)];
}

public sealed record EksAccess(AwsRole AwsRole, ImmutableSortedDictionary<string, string> Clusters) : ClusterAccess
{
    public override AwsRole? Role => AwsRole;

    public override ImmutableArray<SecretBinding> Secrets => [];

    /// <summary>The EKS cluster of <paramref name="environment"/>, or null when the definition names none.</summary>
    public string? ClusterFor(string environment) => Clusters.TryGetValue(environment, out var name) ? name : null;
}
