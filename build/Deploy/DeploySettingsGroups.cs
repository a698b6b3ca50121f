namespace Build.Deploy;

/// <summary>The release a deploy rolls out, where it lives, and what the deploy may do to get it there.</summary>
public sealed record ReleaseSettings(
    string Name,
    string Namespace,
    // Routes a request to the canary only; the chart matches it.
    CanaryHeader CanaryHeader,
    bool CreateNamespace,
    // Deploy a commit that does not descend from the one the release runs (the order guard's escape hatch).
    bool AllowDowngrade)
{
    // The chart derives the canary's object names from this release name.
    public string CanaryName => $"{Name}-canary";

    // Production's route release: the stable release's traffic objects only (chart value traffic.routeFor).
    public string RouteName => $"{Name}-route";
}

/// <summary>How the deploy reaches its cluster.</summary>
public sealed record ClusterConnection(
    string? KubeContext,
    // Null: the cluster is reached through a kubeconfig, not the AWS CLI.
    EksTarget? Eks);

/// <summary>The chart and the values helm merges into it, in helm's order.</summary>
public sealed record ChartSettings(
    DirectoryPath Folder,
    FilePath ValuesFile,
    // After the environment's values file (a local cluster's overrides).
    IReadOnlyList<FilePath> ExtraValuesFiles,
    // Passed to helm after everything else.
    IReadOnlyDictionary<string, string> ExtraSetValues);

/// <summary>Where the smoke tests and the error-rate probe send their requests, and what the probe allows.</summary>
public sealed record SmokeTestSettings(
    string Url,
    // host:port:address, as curl's --resolve.
    string? Resolve,
    // The Host header of an ingress on a local cluster.
    string? HostHeader,
    // 0 turns the error-rate probe off.
    int ProbeRequests,
    // Percent of failed probe requests.
    decimal MaxErrorRate);

/// <summary>Which images the deploy runs, and the secret the cluster pulls them with.</summary>
public sealed record ImageSettings(
    // What Push-Images recorded; when it exists its digests are deployed, else the Sha tag.
    FilePath ImagesFile,
    string? Sha,
    string Registry,
    string? Owner,
    // Null for public images.
    string? PullSecret,
    // Created from REGISTRY_PULL_TOKEN when missing.
    bool CreatePullSecret);
