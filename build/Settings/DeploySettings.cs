using Build.Containers;
using Build.Deploy;
using Cake.Core.IO;
using Pipeline.Definition;
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

    // Environment variables: the two deploy secrets, and what GitHub tells about the run.
    public const string KubeConfigDataVariable = "KUBE_CONFIG_DATA";
    public const string SmokeApiTokenVariable = "SMOKE_API_TOKEN";
    public const string GitHubEventNameVariable = "GITHUB_EVENT_NAME";
    public const string GitHubRefVariable = "GITHUB_REF";

    public const string DefaultRelease = "sovd-webapp";
    public const string DefaultRegistry = "ghcr.io";
    public const string ChartFolder = "infrastructure/helm/sovd-webapp";
    public const string SmokeScript = "scripts/smoke_tests.sh";
    public const string ImagesFileName = "images.json";
    public const string RecordFileName = "deployment.json";

    /// <summary>The traffic shares of the production canary, in order; the last one is 100.</summary>
    public static readonly IReadOnlyList<int> CanaryWeights = [10, 50, 100];

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

    /// <summary>helm's <c>--timeout</c> and kubectl's rollout <c>--timeout</c>.</summary>
    public required TimeSpan Timeout { get; init; }

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
        var chart = context.AppRoot.Combine(context.Argument(ChartArgument, ChartFolder)).Collapse();
        var cloudProblems = new List<string>();
        var registry = context.Argument(ArgumentNames.Registry, SovdPipeline.Registry.Host);
        var settings = new DeploySettings
        {
            Stage = stage,
            Release = context.Argument(ReleaseArgument, DefaultRelease),
            Namespace = context.Argument(NamespaceArgument, environment),
            Chart = chart,
            ValuesFile = chart.CombineWithFilePath($"values-{environment}.yaml"),
            KubeContext = Blank(context.Argument<string?>(KubeContextArgument, null)),
            Eks = EksTarget.Resolve(context, stage, cloudProblems),
            Timeout = TimeSpan.FromMinutes(context.Argument(TimeoutArgument, 5)),
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
        return settings with { Problems = [.. cloudProblems, .. settings.Check(kubeConfigMissing)] };
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
        if (kubeConfigMissing)
        {
            var secret = Stage.JobSecrets.FirstOrDefault(s => s.EnvironmentVariable == KubeConfigDataVariable)?.SecretName ?? KubeConfigDataVariable;
            problems.Add($"{KubeConfigDataVariable} is empty in GitHub Actions: add the {secret} secret (base64 of a kubeconfig) to the '{Stage.Environment!.Name}' environment.");
        }
        return problems;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
