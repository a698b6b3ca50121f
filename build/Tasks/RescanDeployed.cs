namespace Build.Tasks;

/// <summary>
/// The weekly rescan: Trivy, with today's database, on the images running in each deploy stage's environment (the
/// commit of its newest successful deployment, from GitHub's deployment records), judged against the triage file like
/// Security-Images. It pulls and scans only: nothing is built, pushed or deployed.
/// </summary>
[TaskName(TargetNames.RescanDeployed)]
public sealed class RescanDeployed : FrostingTask<BuildContext>
{
    private static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(30);
    private readonly RegistryLogin _login = new();

    public override void Run(BuildContext context)
    {
        var settings = ContainerSettings.From(context);
        settings.ThrowIfInvalid(SovdPipeline.RescanDeployed.Name);
        ToolPreflight.Ensure(context, TrivySettings.Spec.Requirement(), DockerSettings.EngineRequirement);
        var triage = TriageFile.Load(context);
        var deployed = Deployed(context, settings);
        var reports = ReportFolder.Reset(context, context.ArtifactDirectory(SovdPipeline.DeployedImageScanReports));
        _login.LogIn(context, settings);
        var scans = deployed.Select(target => Scan(context, target.Environment, target.Image, reports)).ToList();
        ScanVerdicts.Judge(context, SovdPipeline.RescanDeployed, triage, "new CRITICAL findings in the deployed images",
            failures => scans.Select(scan => scan is null ? null : scan.Verdict(failures, triage)),
            passed: $"No new CRITICAL vulnerabilities " +
                $"in {string.Join(", ", deployed.Select(target => $"{target.Image.ShaTag} ({target.Environment})"))}");
    }

    public override void Finally(BuildContext context) => _login.LogOut(context);

    private static SecurityImages.ImageScan? Scan(BuildContext context, string environment, ContainerImage image,
        DirectoryPath reports)
    {
        if (!context.DockerPull(image.ShaTag).Succeeded && !context.DryRun)
        {
            context.Error("{0}",
                $"{image.ShaTag} ({environment}) could not be pulled; the job's token needs `packages: read`.");
        }
        return SecurityImages.Scan(context, image, reports, ignoreUnfixed: true, label: $"{environment}-{image.Name}");
    }

    /// <summary>
    /// Each environment's images at its deployed commit; fails before any pull when a record cannot be read.
    /// </summary>
    private static IReadOnlyList<(string Environment, ContainerImage Image)> Deployed(BuildContext context,
        ContainerSettings settings)
    {
        var environments =
            SovdPipeline.Definition.Stages.Select(stage => stage.Environment?.Name).OfType<string>().ToList();
        var repository = context.GitHubRun().Repository;
        var token = context.Variable(EnvVars.GitHubToken) ?? "";
        if (context.DryRun)
        {
            context.Information("{0}",
                $"[dry-run] would read the deployed commit of {string.Join(", ", environments)} from GitHub's " +
                $"deployments of " +
                $"{(repository.Length > 0 ? repository : "$GITHUB_REPOSITORY")}, then pull and " +
                    $"scan {string.Join(", ", settings.Images.Select(image => $"{image.Repository}:<sha>"))}");
            return [];
        }
        if (!repository.Contains('/') || token.Length == 0)
        {
            throw new CakeException(
                $"{SovdPipeline.RescanDeployed.Name} reads what runs in {string.Join(" and ", environments)} from " +
                $"GitHub's deployment " +
                $"records: set {EnvVars.GitHubRepository} (owner/name, now '{repository}') and {EnvVars.GitHubToken} " +
                    $"(a token with deployments: read and packages: read).");
        }
        var apiUrl = context.GitHubRun().ApiUrl is { Length: > 0 } url ? url : "https://api.github.com";
        using var http = new HttpClient { BaseAddress = new Uri(apiUrl.TrimEnd('/') + "/"), Timeout = ApiTimeout };
        var found =
            environments.Select(
            environment => (Environment: environment,
            Commit: DeployedCommits.Latest(http, repository, environment, token))).ToList();
        var problems =
            found.Where(target => target.Commit.Problem is not null).Select(target => target.Commit.Problem!).ToList();
        if (problems.Count > 0)
        {
            throw new CakeException(
                $"{SovdPipeline.RescanDeployed.Name} could not read what is deployed; nothing was " +
                $"scanned: {string.Join(" ", problems)}");
        }
        foreach (var (environment, commit) in found)
        {
            context.Information("{0}", commit.Sha is { } sha
                ? $"{environment} runs {sha}"
                : $"{environment}: no successful deployment among GitHub's newest records; nothing to rescan there");
        }
        return [.. from target in found
                   where target.Commit.Sha is not null
                   from image in settings.Images
                   select (target.Environment, image with { Sha = target.Commit.Sha! })];
    }
}
