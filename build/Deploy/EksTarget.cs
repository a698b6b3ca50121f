namespace Build.Deploy;

/// <summary>
/// The EKS cluster a deploy reaches through the AWS CLI: <c>--eks-cluster</c> and <c>--aws-region</c> (or AWS_REGION,
/// which aws-actions/configure-aws-credentials sets), else the cluster the definition names for the stage's
/// environment.
/// </summary>
public sealed partial record EksTarget(string ClusterName, string Region)
{
    /// <summary>
    /// The target, or null when the stage reaches its cluster through a kubeconfig; problems name what to set.
    /// </summary>
    public static EksTarget? Resolve(BuildContext context, Stage stage, List<string> problems)
    {
        var fromDefinition = stage.Cluster as EksAccess;
        var cluster = context.ArgumentOrNull(ArgumentNames.EksCluster)
            ?? (stage.Environment is { } environment ? fromDefinition?.ClusterFor(environment.Name) : null);
        if (cluster is null)
        {
            return null;
        }
        var region = context.ArgumentOrNull(ArgumentNames.AwsRegion)
            ?? fromDefinition?.AwsRole.Region
            ?? context.Variable(EnvVars.AwsRegion);
        if (region is null || !RegionPattern().IsMatch(region))
        {
            problems.Add(
                $"The EKS cluster {cluster} needs its AWS region: pass " +
                $"--{ArgumentNames.AwsRegion}=<code, e.g. eu-central-1> or set {EnvVars.AwsRegion}" +
                $"{(region is null ? "" : $" ('{region}' is not a region code)")}.");
            return null;
        }
        return new EksTarget(cluster, region);
    }

    public override string ToString() => $"EKS cluster {ClusterName} ({Region})";

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();
}
