namespace Build.Deploy;

// Read once, so a deploy stage reports every missing or invalid setting (Problems) before any side effect.
public sealed partial record DeploySettings(
    Stage Stage,
    ReleaseSettings Release,
    ClusterConnection Cluster,
    ChartSettings Chart,
    // The definition's bounds, with --deploy-timeout as HelmWait (helm's --timeout) and --route-wait as RouteReady.
    DeployTimeouts Timeouts,
    SmokeTestSettings SmokeTests,
    ImageSettings Images,
    // The stage's CI job uploads this folder.
    DirectoryPath RecordDirectory)
{
    public IReadOnlyList<string> Problems { get; init; } = [];

    public static DeploySettings From(BuildContext context, Stage stage, int defaultProbeRequests)
    {
        var environment = stage.Environment?.Name
            ?? throw new InvalidOperationException($"{stage.Name} has no environment in the pipeline definition.");
        var bounds = stage.DeployTimeouts
            ?? throw new InvalidOperationException($"{stage.Name} has no DeployTimeouts in the pipeline definition.");
        var problems = new List<string>();
        // Read in this order: the problems they add are reported in it.
        var cluster = new ClusterConnection(
            context.ArgumentOrNull(ArgumentNames.KubeContext),
            EksTarget.Resolve(context, stage, problems));
        var release = ReadRelease(context, environment, problems);
        var chart = ReadChart(context, environment, problems);
        var settings = new DeploySettings(
            Stage: stage,
            Release: release,
            Cluster: cluster,
            Chart: chart,
            Timeouts: ReadTimeouts(context, bounds),
            SmokeTests: ReadSmokeTests(context, stage, defaultProbeRequests),
            Images: ReadImages(context),
            RecordDirectory: context.ArtifactDirectory(stage.Uploads.Single()));
        return settings with { Problems = [.. problems, .. settings.Check(context)] };
    }

    private static ReleaseSettings ReadRelease(BuildContext context, string environment, List<string> problems) => new(
        Name: context.Argument(ArgumentNames.Release, "sovd-webapp"),
        Namespace: context.Argument(ArgumentNames.Namespace, environment),
        CanaryHeader: CanaryHeader.Parse(
            context.Argument(ArgumentNames.CanaryHeader, CanaryHeader.Default.ToString()), problems),
        CreateNamespace: context.Argument(ArgumentNames.CreateNamespace, false),
        AllowDowngrade: context.Argument(ArgumentNames.AllowDowngrade, false));

    private static ChartSettings ReadChart(BuildContext context, string environment, List<string> problems)
    {
        var folder = context.AppRoot
            .Combine(context.Argument(ArgumentNames.Chart, "infrastructure/helm/sovd-webapp"))
            .Collapse();
        return new ChartSettings(
            Folder: folder,
            ValuesFile: folder.CombineWithFilePath($"values-{environment}.yaml"),
            ExtraValuesFiles: Many(context, ArgumentNames.Values)
                .Select(file => new FilePath(file).MakeAbsolute(context.RepoRoot))
                .ToList(),
            ExtraSetValues: SetValues(Many(context, ArgumentNames.Set), problems));
    }

    private static DeployTimeouts ReadTimeouts(BuildContext context, DeployTimeouts bounds) => bounds with
    {
        HelmWait = TimeSpan.FromMinutes(context.Argument(ArgumentNames.DeployTimeout, bounds.HelmWait.TotalMinutes)),
        RouteReady = TimeSpan.FromSeconds(context.Argument(ArgumentNames.RouteWait, bounds.RouteReady.TotalSeconds)),
    };

    private static SmokeTestSettings ReadSmokeTests(BuildContext context, Stage stage, int defaultProbeRequests) => new(
        Url: context.Argument(ArgumentNames.SmokeUrl, stage.Environment?.Url ?? ""),
        Resolve: context.ArgumentOrNull(ArgumentNames.SmokeResolve),
        HostHeader: context.ArgumentOrNull(ArgumentNames.SmokeHostHeader),
        ProbeRequests: context.Argument(ArgumentNames.ProbeRequests, defaultProbeRequests),
        MaxErrorRate: context.Argument(ArgumentNames.MaxErrorRate, 0m));

    private static ImageSettings ReadImages(BuildContext context)
    {
        var registry = context.Argument(ArgumentNames.Registry, SovdPipeline.Registry.Host);
        var pushed = context.ArtifactDirectory(SovdPipeline.PushedImages).CombineWithFilePath("images.json");
        return new ImageSettings(
            ImagesFile: context.FileArgument(ArgumentNames.ImagesFile, pushed),
            Sha: context.Sha(),
            Registry: registry,
            Owner: context.ImageOwner(registry),
            // GitHub Container Registry's packages are private by default: the chart names this pull secret for them.
            PullSecret: context.Argument<string?>(
                    ArgumentNames.ImagePullSecret, registry == ImageRegistry.Ghcr.Host ? "ghcr-pull" : null)
                .NullIfBlank(),
            CreatePullSecret: context.Argument(ArgumentNames.CreatePullSecret, false));
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
                problems.Add(
                    $"--{ArgumentNames.Set}={pair} is not key=value: write it like helm's --set, " +
                    $"e.g. --{ArgumentNames.Set}=traffic.host=sovd.local.");
                continue;
            }
            values[pair[..equals]] = pair[(equals + 1)..];
        }
        return values;
    }
}
