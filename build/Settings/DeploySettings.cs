using Build.Containers;
using Build.Deploy;
using Cake.Core.IO;
using Pipeline.Definition.Stages;

namespace Build.Settings;

/// <summary>
/// Everything Deploy-Staging and Deploy-Production need, read once from arguments and environment.
/// <see cref="Problems"/> lists every missing or invalid setting, so a stage fails before any side effect.
/// </summary>
public sealed record DeploySettings
{
    // Argument names (--name=value); sha, registry, owner and confirm are shared with the image stages.
    public const string ReleaseArgument = "release";
    public const string NamespaceArgument = "namespace";
    public const string ChartArgument = "chart";
    public const string KubeContextArgument = "kube-context";
    public const string TimeoutArgument = "deploy-timeout-minutes";
    public const string SmokeUrlArgument = "smoke-url";
    public const string ProbeRequestsArgument = "probe-requests";
    public const string MaxErrorRateArgument = "max-error-rate";
    public const string ImagesFileArgument = "images-file";
    public const string CanaryHeaderArgument = "canary-header";
    public const string CreateNamespaceArgument = "create-namespace";
    public const string ImagePullSecretArgument = "image-pull-secret";
    public const string CreatePullSecretArgument = "create-pull-secret";
    public const string ValuesArgument = "values";
    public const string SetArgument = "set";
    public const string SmokeResolveArgument = "smoke-resolve";
    public const string SmokeHostHeaderArgument = "smoke-host-header";

    // Environment variables: the two deploy secrets, and what GitHub tells about the run.
    public const string KubeConfigDataVariable = "KUBE_CONFIG_DATA";
    public const string SmokeApiTokenVariable = "SMOKE_API_TOKEN";
    /// <summary>A registry token the pipeline turns into the image pull secret when asked (<c>--create-pull-secret</c>).</summary>
    public const string RegistryPullTokenVariable = "REGISTRY_PULL_TOKEN";
    public const string GitHubEventNameVariable = "GITHUB_EVENT_NAME";
    public const string GitHubRefVariable = "GITHUB_REF";

    public const string DefaultRelease = "sovd-webapp";
    public const string ChartFolder = "infrastructure/helm/sovd-webapp";
    public const string SmokeScript = "scripts/smoke_tests.sh";
    public const string ImagesFileName = "images.json";
    public const string RecordFileName = "deployment.json";
    public const string DefaultCanaryHeader = "X-Canary: always";

    /// <summary>Pull secret the chart names when the images live in GitHub Container Registry (private by default).</summary>
    public const string DefaultGhcrPullSecret = "ghcr-pull";

    public required Stage Stage { get; init; }

    public required string Release { get; init; }

    /// <summary>The canary release of the chart: <c>&lt;release&gt;-canary</c> (the chart derives its object names from it).</summary>
    public string CanaryRelease => $"{Release}-canary";

    public required string Namespace { get; init; }

    public required DirectoryPath Chart { get; init; }

    /// <summary><c>values-&lt;environment&gt;.yaml</c> in the chart.</summary>
    public required FilePath ValuesFile { get; init; }

    public string? KubeContext { get; init; }

    /// <summary>An EKS cluster reached through the AWS CLI (the definition's ClusterAccess.Eks, or --eks-cluster); null: a kubeconfig.</summary>
    public EksTarget? Eks { get; init; }

    /// <summary>helm's <c>--timeout</c>: the definition's <see cref="DeployTimeouts.HelmWait"/>, or <c>--deploy-timeout-minutes</c>.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The stage's bounds from the definition (rollout wait, smoke bound, quick calls, preflight, diagnostics).</summary>
    public required DeployTimeouts Bounds { get; init; }

    /// <summary>The canary's traffic shares in order, from the definition; empty for a direct rollout.</summary>
    public IReadOnlyList<int> CanaryWeights => Bounds.CanaryWeights;

    /// <summary>The header that routes a request to the canary only (<c>Name: value</c>); the chart matches it.</summary>
    public required CanaryHeader CanaryHeader { get; init; }

    /// <summary><c>--create-namespace</c>: a missing namespace is created; otherwise the preflight stops.</summary>
    public bool CreateNamespace { get; init; }

    /// <summary>The pull secret the chart's pods use; null for public images.</summary>
    public string? ImagePullSecret { get; init; }

    /// <summary><c>--create-pull-secret</c>: a missing pull secret is created from REGISTRY_PULL_TOKEN.</summary>
    public bool CreatePullSecret { get; init; }

    /// <summary><c>--values=file</c>, repeatable: extra values files after the environment's (a local cluster's overrides).</summary>
    public IReadOnlyList<FilePath> ExtraValuesFiles { get; init; } = [];

    /// <summary><c>--set=key=value</c>, repeatable: passed to helm after everything else.</summary>
    public IReadOnlyDictionary<string, string> ExtraSetValues { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--smoke-resolve=host:port:address</c>: the smoke tests pin a host to an address (curl's --resolve).</summary>
    public string? SmokeResolve { get; init; }

    /// <summary><c>--smoke-host-header=name</c>: the smoke tests send this Host header (an ingress on a local cluster).</summary>
    public string? SmokeHostHeader { get; init; }

    public required string SmokeUrl { get; init; }

    public required FilePath SmokeScriptPath { get; init; }

    /// <summary>Requests of the smoke script's error-rate probe; 0 turns the probe off.</summary>
    public required int ProbeRequests { get; init; }

    /// <summary>Highest share of failed probe requests, in percent.</summary>
    public required decimal MaxErrorRate { get; init; }

    /// <summary>What Push-Images recorded; when it exists its digests are deployed.</summary>
    public required FilePath ImagesFile { get; init; }

    /// <summary>Image tag when there is no images file: <c>--sha</c>, GITHUB_SHA, else the checked-out commit.</summary>
    public string? Sha { get; init; }

    public required string Registry { get; init; }

    /// <summary>Registry namespace, lower case: <c>--owner</c> or GITHUB_REPOSITORY_OWNER.</summary>
    public string? Owner { get; init; }

    /// <summary>Where the deployment record goes; the stage's CI job uploads this folder.</summary>
    public required DirectoryPath RecordDirectory { get; init; }

    public string? Confirmation { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public static DeploySettings From(BuildContext context, Stage stage, Artifact record, int defaultProbeRequests)
    {
        var environment = stage.Environment?.Name
            ?? throw new InvalidOperationException($"{stage.Name} has no environment in the pipeline definition.");
        var bounds = stage.DeployTimeouts
            ?? throw new InvalidOperationException($"{stage.Name} has no DeployTimeouts in the pipeline definition.");
        var chart = context.AppRoot.Combine(context.Argument(ChartArgument, ChartFolder)).Collapse();
        var registry = context.Argument(ArgumentNames.Registry, SovdPipeline.Registry.Host);
        var problems = new List<string>();
        var settings = new DeploySettings
        {
            Stage = stage,
            Release = context.Argument(ReleaseArgument, DefaultRelease),
            Namespace = context.Argument(NamespaceArgument, environment),
            Chart = chart,
            ValuesFile = chart.CombineWithFilePath($"values-{environment}.yaml"),
            KubeContext = Blank(context.Argument<string?>(KubeContextArgument, null)),
            Eks = EksTarget.Resolve(context, stage, problems),
            Timeout = TimeSpan.FromMinutes(context.Argument(TimeoutArgument, bounds.HelmWait.TotalMinutes)),
            Bounds = bounds,
            CanaryHeader = CanaryHeader.Parse(context.Argument(CanaryHeaderArgument, DefaultCanaryHeader), problems),
            CreateNamespace = context.Argument(CreateNamespaceArgument, false),
            ImagePullSecret = Blank(context.Argument<string?>(ImagePullSecretArgument, registry == Pipeline.Definition.Stages.ImageRegistry.Ghcr.Host ? DefaultGhcrPullSecret : null)),
            CreatePullSecret = context.Argument(CreatePullSecretArgument, false),
            ExtraValuesFiles = Many(context, ValuesArgument).Select(file => new FilePath(file).MakeAbsolute(context.RepoRoot)).ToList(),
            ExtraSetValues = SetValues(Many(context, SetArgument), problems),
            SmokeResolve = Blank(context.Argument<string?>(SmokeResolveArgument, null)),
            SmokeHostHeader = Blank(context.Argument<string?>(SmokeHostHeaderArgument, null)),
            SmokeUrl = context.Argument(SmokeUrlArgument, stage.Environment?.Url ?? ""),
            SmokeScriptPath = context.InRepo(SmokeScript),
            ProbeRequests = context.Argument(ProbeRequestsArgument, defaultProbeRequests),
            MaxErrorRate = context.Argument(MaxErrorRateArgument, 1m),
            ImagesFile = context.Argument<string?>(ImagesFileArgument, null) is { } file
                ? new FilePath(file).MakeAbsolute(context.RepoRoot)
                : context.ArtifactDirectory(SovdPipeline.PushedImages).CombineWithFilePath(ImagesFileName),
            Sha = ContainerSettings.ShaOfRun(context),
            Registry = registry,
            // ECR repositories sit right below the registry host: its images have no owner.
            Owner = EcrRegistryHost.TryParse(registry) is null ? ContainerSettings.OwnerOfRun(context)?.ToLowerInvariant() : "",
            RecordDirectory = context.ArtifactDirectory(record),
            Confirmation = context.Argument<string?>(ArgumentNames.Confirm, null),
        };
        var kubeConfigMissing = settings.Eks is null && context.IsGitHubActions && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(KubeConfigDataVariable));
        return settings with { Problems = [.. problems, .. settings.Check(kubeConfigMissing)] };
    }

    /// <summary>Every value of a repeatable argument, in command-line order.</summary>
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
                problems.Add($"--{SetArgument}={pair} is not key=value: write it like helm's --set, e.g. --{SetArgument}=traffic.host=sovd.local.");
                continue;
            }
            values[pair[..equals]] = pair[(equals + 1)..];
        }
        return values;
    }

    private List<string> Check(bool kubeConfigMissing)
    {
        var problems = new List<string>();
        if (!Directory.Exists(Chart.FullPath))
        {
            problems.Add($"The chart {Chart.FullPath} does not exist: pass --{ChartArgument}=<folder below the app root> or --app-root.");
        }
        else if (!File.Exists(ValuesFile.FullPath))
        {
            problems.Add($"The chart has no {ValuesFile.GetFilename()}: add it next to values.yaml.");
        }
        if (!Uri.TryCreate(SmokeUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"The smoke-test URL '{SmokeUrl}' is not an http(s) URL: pass --{SmokeUrlArgument}=https://<host> or set the environment URL in the definition.");
        }
        if (Timeout <= TimeSpan.Zero)
        {
            problems.Add($"--{TimeoutArgument} is {Timeout.TotalMinutes}: give a positive number of minutes (e.g. 5).");
        }
        if (ProbeRequests < 0 || MaxErrorRate < 0 || MaxErrorRate > 100)
        {
            problems.Add($"--{ProbeRequestsArgument} must be 0 or more and --{MaxErrorRateArgument} between 0 and 100 (percent).");
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
        if (Build.Deploy.ChartNames.CanaryHeaderValue is null && CanaryHeader.Value != "always")
        {
            problems.Add($"--{CanaryHeaderArgument}='{CanaryHeader}': this chart routes the header to the canary only on the value 'always' (its HTTPRoute header match and ingress-nginx canary-by-header-value both use it).");
        }
        foreach (var file in ExtraValuesFiles.Where(file => !File.Exists(file.FullPath)))
        {
            problems.Add($"The values file {file.FullPath} (--{ValuesArgument}) does not exist.");
        }
        if (CreatePullSecret && ImagePullSecret is null)
        {
            problems.Add($"--{CreatePullSecretArgument} needs a secret name: pass --{ImagePullSecretArgument}=<name>.");
        }
        if (CreatePullSecret && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RegistryPullTokenVariable)))
        {
            problems.Add($"--{CreatePullSecretArgument} needs the registry token in {RegistryPullTokenVariable} (a token that may read the packages; never on the command line).");
        }
        if (kubeConfigMissing)
        {
            var secret = Stage.JobSecrets.FirstOrDefault(s => s.EnvironmentVariable == KubeConfigDataVariable)?.SecretName ?? KubeConfigDataVariable;
            problems.Add($"{KubeConfigDataVariable} is empty in GitHub Actions: add the {secret} secret (base64 of a kubeconfig) to the '{Stage.Environment!.Name}' environment.");
        }
        return problems;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
