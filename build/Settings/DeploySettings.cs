namespace Build.Settings;

// Read once, so a deploy stage reports every missing or invalid setting (Problems) before any side effect.
public sealed record DeploySettings(
    Stage Stage,
    string Release,
    string Namespace,
    DirectoryPath Chart,
    FilePath ValuesFile,
    string? KubeContext,
    // Null: the cluster is reached through a kubeconfig, not the AWS CLI.
    EksTarget? Eks,
    // helm's --timeout.
    TimeSpan Timeout,
    DeployTimeouts Bounds,
    // Routes a request to the canary only; the chart matches it.
    CanaryHeader CanaryHeader,
    bool CreateNamespace,
    // Deploy a commit that does not descend from the one the release runs (the order guard's escape hatch).
    bool AllowDowngrade,
    // Null for public images.
    string? ImagePullSecret,
    // Created from REGISTRY_PULL_TOKEN when missing.
    bool CreatePullSecret,
    // After the environment's values file (a local cluster's overrides).
    IReadOnlyList<FilePath> ExtraValuesFiles,
    // Passed to helm after everything else.
    IReadOnlyDictionary<string, string> ExtraSetValues,
    // host:port:address, as curl's --resolve.
    string? SmokeResolve,
    // The Host header of an ingress on a local cluster.
    string? SmokeHostHeader,
    string SmokeUrl,
    // 0 turns the error-rate probe off.
    int ProbeRequests,
    // Percent of failed probe requests.
    decimal MaxErrorRate,
    // What Push-Images recorded; when it exists its digests are deployed, else the Sha tag.
    FilePath ImagesFile,
    string? Sha,
    string Registry,
    string? Owner,
    // The stage's CI job uploads this folder.
    DirectoryPath RecordDirectory)
{
    // The chart derives the canary's object names from this release name.
    public string CanaryRelease => $"{Release}-canary";

    // Production's route release: the stable release's traffic objects only (chart value traffic.routeFor).
    public string RouteRelease => $"{Release}-route";

    public IReadOnlyList<string> Problems { get; init; } = [];

    public static DeploySettings From(BuildContext context, Stage stage, int defaultProbeRequests)
    {
        var environment = stage.Environment?.Name
            ?? throw new InvalidOperationException($"{stage.Name} has no environment in the pipeline definition.");
        var bounds = stage.DeployTimeouts
            ?? throw new InvalidOperationException($"{stage.Name} has no DeployTimeouts in the pipeline definition.");
        var chart = context.AppRoot.Combine(context.Argument(ArgumentNames.Chart, "infrastructure/helm/sovd-webapp")).Collapse();
        var registry = context.Argument(ArgumentNames.Registry, SovdPipeline.Registry.Host);
        var problems = new List<string>();
        var settings = new DeploySettings(
            Stage: stage,
            Release: context.Argument(ArgumentNames.Release, "sovd-webapp"),
            Namespace: context.Argument(ArgumentNames.Namespace, environment),
            Chart: chart,
            ValuesFile: chart.CombineWithFilePath($"values-{environment}.yaml"),
            KubeContext: context.ArgumentOrNull(ArgumentNames.KubeContext),
            Eks: EksTarget.Resolve(context, stage, problems),
            Timeout: TimeSpan.FromMinutes(context.Argument(ArgumentNames.DeployTimeout, bounds.HelmWait.TotalMinutes)),
            Bounds: bounds with { RouteReady = TimeSpan.FromSeconds(context.Argument(ArgumentNames.RouteWait, bounds.RouteReady.TotalSeconds)) },
            CanaryHeader: CanaryHeader.Parse(context.Argument(ArgumentNames.CanaryHeader, CanaryHeader.Default.ToString()), problems),
            CreateNamespace: context.Argument(ArgumentNames.CreateNamespace, false),
            AllowDowngrade: context.Argument(ArgumentNames.AllowDowngrade, false),
            // GitHub Container Registry's packages are private by default: the chart names this pull secret for them.
            ImagePullSecret: context.Argument<string?>(ArgumentNames.ImagePullSecret, registry == ImageRegistry.Ghcr.Host ? "ghcr-pull" : null).NullIfBlank(),
            CreatePullSecret: context.Argument(ArgumentNames.CreatePullSecret, false),
            ExtraValuesFiles: Many(context, ArgumentNames.Values).Select(file => new FilePath(file).MakeAbsolute(context.RepoRoot)).ToList(),
            ExtraSetValues: SetValues(Many(context, ArgumentNames.Set), problems),
            SmokeResolve: context.ArgumentOrNull(ArgumentNames.SmokeResolve),
            SmokeHostHeader: context.ArgumentOrNull(ArgumentNames.SmokeHostHeader),
            SmokeUrl: context.Argument(ArgumentNames.SmokeUrl, stage.Environment?.Url ?? ""),
            ProbeRequests: context.Argument(ArgumentNames.ProbeRequests, defaultProbeRequests),
            MaxErrorRate: context.Argument(ArgumentNames.MaxErrorRate, 0m),
            ImagesFile: context.FileArgument(ArgumentNames.ImagesFile, context.ArtifactDirectory(SovdPipeline.PushedImages).CombineWithFilePath("images.json")),
            Sha: context.Sha(),
            Registry: registry,
            Owner: context.ImageOwner(registry),
            RecordDirectory: context.ArtifactDirectory(stage.Uploads.Single()));
        return settings with { Problems = [.. problems, .. settings.Check(context)] };
    }

    private static IEnumerable<string> Many(BuildContext context, string name) =>
        context.Arguments.GetArguments(name)?.Where(value => !string.IsNullOrWhiteSpace(value)) ?? [];

    private static Dictionary<string, string> SetValues(IEnumerable<string> pairs, List<string> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"--{ArgumentNames.Set}={pair} is not key=value: write it like helm's --set, e.g. --{ArgumentNames.Set}=traffic.host=sovd.local.");
                continue;
            }
            values[pair[..equals]] = pair[(equals + 1)..];
        }
        return values;
    }

    private List<string> Check(BuildContext context)
    {
        var problems = KubernetesNames.Problems(Namespace, Release, CanaryRelease).ToList();
        if (!Directory.Exists(Chart.FullPath))
        {
            problems.Add($"The chart {Chart.FullPath} does not exist: pass --{ArgumentNames.Chart}=<folder below the app root> or --{ArgumentNames.AppRoot}.");
        }
        else if (!File.Exists(ValuesFile.FullPath))
        {
            problems.Add($"The chart has no {ValuesFile.GetFilename()}: add it next to values.yaml.");
        }
        if (!Uri.TryCreate(SmokeUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"The smoke-test URL '{SmokeUrl}' is not an http(s) URL: pass --{ArgumentNames.SmokeUrl}=https://<host> or set the environment URL in the definition.");
        }
        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"--{ArgumentNames.DeployTimeout} is {Timeout.TotalMinutes}: give a positive number of minutes (e.g. 5).");
        }
        if (ProbeRequests < 0 || MaxErrorRate < 0 || MaxErrorRate > 100)
        {
            problems.Add($"--{ArgumentNames.ProbeRequests} must be 0 or more and --{ArgumentNames.MaxErrorRate} between 0 and 100 (percent).");
        }
        if (!File.Exists(ImagesFile.FullPath))
        {
            if (Sha is null)
            {
                problems.Add($"No image tag: pass --{ArgumentNames.Sha}=<commit> (CI: {EnvVars.GitHubSha}), run from a git checkout, or run Push-Images first so {ImagesFile.FullPath} exists.");
            }
            if (Owner is null)
            {
                problems.Add($"No image owner: pass --{ArgumentNames.Owner}=<registry namespace> (CI: {EnvVars.GitHubRepositoryOwner}).");
            }
        }
        foreach (var file in ExtraValuesFiles.Where(file => !File.Exists(file.FullPath)))
        {
            problems.Add($"The values file {file.FullPath} (--{ArgumentNames.Values}) does not exist.");
        }
        if (CreatePullSecret && ImagePullSecret is null)
        {
            problems.Add($"--{ArgumentNames.CreatePullSecret} needs a secret name: pass --{ArgumentNames.ImagePullSecret}=<name>.");
        }
        if (CreatePullSecret && context.Variable(EnvVars.RegistryPullToken) is null)
        {
            problems.Add($"--{ArgumentNames.CreatePullSecret} needs the registry token in {EnvVars.RegistryPullToken} (a token that may read the packages; never on the command line).");
        }
        try
        {
            KubeConfigFile.Decode(context.Environment);
        }
        catch (DeployException error)
        {
            problems.Add(error.Message);
        }
        if (Eks is null && context.IsGitHubActions && context.Variable(EnvVars.KubeConfigData) is null)
        {
            var secret = Stage.JobSecrets.FirstOrDefault(s => s.EnvironmentVariable == EnvVars.KubeConfigData)?.SecretName ?? EnvVars.KubeConfigData;
            problems.Add($"{EnvVars.KubeConfigData} is empty in GitHub Actions: add the {secret} secret (base64 of a kubeconfig) to the '{Stage.Environment!.Name}' environment.");
        }
        return problems;
    }
}

/// <summary>
/// The request header that sends a request to the canary release whatever its weight: the chart matches it
/// (values in <see cref="ChartNames"/>), the smoke tests and the error-rate probe send it.
/// </summary>
public sealed partial record CanaryHeader(string Name, string Value)
{
    public static readonly CanaryHeader Default = new("X-Canary", "always");

    public static CanaryHeader Parse(string text, List<string> problems)
    {
        var match = Shape().Match(text);
        if (!match.Success)
        {
            problems.Add($"--{ArgumentNames.CanaryHeader}='{text}' is not 'Name: value' (e.g. '{Default}').");
            return Default;
        }
        var header = new CanaryHeader(match.Groups[1].Value, match.Groups[2].Value.Trim());
        if (header.Value != "always")
        {
            problems.Add($"--{ArgumentNames.CanaryHeader}='{header}': this chart routes the header to the canary only on the value 'always' (its HTTPRoute header match and ingress-nginx canary-by-header-value both use it).");
        }
        return header;
    }

    public override string ToString() => $"{Name}: {Value}";

    [GeneratedRegex(@"^([0-9A-Za-z_-]+):\s*(\S[ -~]*)$")]
    private static partial Regex Shape();
}

/// <summary>
/// The EKS cluster a deploy reaches through the AWS CLI: <c>--eks-cluster</c> and <c>--aws-region</c> (or AWS_REGION,
/// which aws-actions/configure-aws-credentials sets), else the cluster the definition names for the stage's environment.
/// </summary>
public sealed partial record EksTarget(string ClusterName, string Region)
{
    /// <summary>The target, or null when the stage reaches its cluster through a kubeconfig; problems name what to set.</summary>
    public static EksTarget? Resolve(BuildContext context, Stage stage, List<string> problems)
    {
        var fromDefinition = stage.Cluster as EksAccess;
        var cluster = context.ArgumentOrNull(ArgumentNames.EksCluster)
            ?? (stage.Environment is { } environment ? fromDefinition?.ClusterFor(environment.Name) : null);
        if (cluster is null)
        {
            return null;
        }
        var region = context.ArgumentOrNull(ArgumentNames.AwsRegion) ?? fromDefinition?.AwsRole.Region ?? context.Variable(EnvVars.AwsRegion);
        if (region is null || !RegionPattern().IsMatch(region))
        {
            problems.Add($"The EKS cluster {cluster} needs its AWS region: pass --{ArgumentNames.AwsRegion}=<code, e.g. eu-central-1> or set {EnvVars.AwsRegion}{(region is null ? "" : $" ('{region}' is not a region code)")}.");
            return null;
        }
        return new EksTarget(cluster, region);
    }

    public override string ToString() => $"EKS cluster {ClusterName} ({Region})";

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionPattern();
}
