using System.Text.RegularExpressions;
using Build.Containers;
using Cake.Core.IO;

namespace Build.Settings;

/// <summary>
/// Everything the image stages (Build-Images, Test-Integration, Test-E2E, Security-Images, Push-Images, Rehearse)
/// need, read once from arguments and environment. <see cref="Problems"/> lists every missing or invalid value,
/// so a stage fails before any side effect.
/// </summary>
public sealed partial record ContainerSettings
{
    // Arguments (--name=value) beyond the shared --registry, --owner, --sha.
    public const string CreatedArgument = "created";
    public const string SourceUrlArgument = "source-url";
    public const string ImagesArchiveArgument = "images-archive";
    public const string LayerCacheArgument = "layer-cache";
    public const string BackendPortArgument = "backend-port";
    public const string FrontendPortArgument = "frontend-port";
    public const string StackTimeoutArgument = "stack-timeout-seconds";
    public const string ComposeProjectArgument = "compose-project";
    public const string ChromiumArgument = "chromium";
    public const string RegistryUserArgument = "registry-user";

    // Environment variables GitHub sets, and the E2E browser the sample's Playwright config reads.
    public const string ChromiumVariable = "PLAYWRIGHT_CHROMIUM_EXECUTABLE";
    public const string GitHubActorVariable = "GITHUB_ACTOR";

    public const string CiRegistry = "ghcr.io";
    public const string LocalRegistry = "127.0.0.1:5000";
    public const string LocalOwner = "local";
    public const string ArchiveFileName = "sovd-images.tar";
    public const string ComposeFileName = "docker-compose.yml";
    public const string DockerfileName = "Dockerfile.prod";
    public const int DefaultStackTimeoutSeconds = 180;

    /// <summary>What to do when the engine does not answer; every image stage says it the same way.</summary>
    public const string EngineHint = "start it with scripts/container-engine.sh start (on GitHub runners it is already running)";

    /// <summary>Registry host, optionally with a port: <c>ghcr.io</c> in GitHub Actions, else the local registry.</summary>
    public required string Registry { get; init; }

    /// <summary>Registry namespace, lower case: <c>--owner</c>, GITHUB_REPOSITORY_OWNER, or <c>local</c> outside CI.</summary>
    public required string Owner { get; init; }

    /// <summary>The commit the images are tagged with: <c>--sha</c>, GITHUB_SHA, else <c>git rev-parse HEAD</c>.</summary>
    public required string Sha { get; init; }

    /// <summary>The commit's time (RFC 3339, UTC): the <c>created</c> label stays the same on every rebuild of a commit.</summary>
    public required string Created { get; init; }

    public required string SourceUrl { get; init; }

    public required ContainerImage Backend { get; init; }

    public required ContainerImage Frontend { get; init; }

    public IReadOnlyList<ContainerImage> Images => [Backend, Frontend];

    /// <summary>The <c>docker save</c> tarball Build-Images writes and later jobs load.</summary>
    public required FilePath ImagesArchive { get; init; }

    /// <summary>BuildKit with inline cache metadata, reusing the registry's <c>latest</c> layers (CI only by default).</summary>
    public required bool LayerCache { get; init; }

    /// <summary>Host ports of the stack; 0 picks a free port per run, so parallel stacks do not collide.</summary>
    public required int BackendPort { get; init; }

    public required int FrontendPort { get; init; }

    /// <summary>How long <c>up</c> plus the wait for healthy services may take.</summary>
    public required TimeSpan StackTimeout { get; init; }

    /// <summary>A fixed compose project name; unset, each run gets a unique one.</summary>
    public string? ComposeProject { get; init; }

    public required FilePath ComposeFile { get; init; }

    /// <summary>A system Chromium for Playwright; unset uses Playwright's own browser.</summary>
    public FilePath? ChromiumExecutable { get; init; }

    /// <summary>How the browser was found (<see cref="HostTools"/>): the setting, Playwright's own, or the system's.</summary>
    public ToolChoice? Browser { get; init; }

    /// <summary>Whether Push-Images logs in with GITHUB_TOKEN (in GitHub Actions); locally an existing login is used.</summary>
    public required bool LogIn { get; init; }

    public required string RegistryUser { get; init; }

    /// <summary>The ECR registry images are pushed to (login through the AWS CLI), or null for any other registry.</summary>
    public EcrRegistryHost? Ecr { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public static ContainerSettings From(BuildContext context)
    {
        var problems = new List<string>();
        var repo = context.RepoRoot.FullPath;
        // In CI the definition's registry (ghcr.io or the ECR registry); elsewhere the local one.
        var registry = context.Argument(ArgumentNames.Registry, context.IsGitHubActions ? SovdPipeline.Registry.Host : LocalRegistry).Trim();
        var ecr = EcrRegistryHost.TryParse(registry);
        var owner = ecr is null ? ResolveOwner(context, problems) : string.Empty;
        var sha = ResolveSha(context, problems);
        var settings = new ContainerSettings
        {
            Registry = registry,
            Owner = owner,
            Sha = sha,
            Created = ResolveCreated(context, sha, problems),
            SourceUrl = context.Argument<string?>(SourceUrlArgument, null) ?? GitHubRepositoryUrl() ?? GitRevision.OriginUrl(repo) ?? new Uri(repo).AbsoluteUri,
            Backend = Image(context, "backend", "sovd-backend", registry, owner, sha),
            Frontend = Image(context, "frontend", "sovd-frontend", registry, owner, sha),
            ImagesArchive = context.Argument<string?>(ImagesArchiveArgument, null) is { } archive
                ? new FilePath(archive).MakeAbsolute(context.RepoRoot)
                : context.ArtifactDirectory(SovdPipeline.Images).CombineWithFilePath(ArchiveFileName),
            LayerCache = context.Argument(LayerCacheArgument, context.IsGitHubActions),
            BackendPort = context.Argument(BackendPortArgument, 0),
            FrontendPort = context.Argument(FrontendPortArgument, 0),
            StackTimeout = TimeSpan.FromSeconds(context.Argument(StackTimeoutArgument, DefaultStackTimeoutSeconds)),
            ComposeProject = Blank(context.Argument<string?>(ComposeProjectArgument, null)),
            ComposeFile = context.AppRoot.CombineWithFilePath(ComposeFileName),
            Browser = context.HostTools.Browser,
            ChromiumExecutable = context.HostTools.BrowserExecutable,
            // ECR's password comes from the AWS credentials at hand, so Push-Images logs in wherever it runs.
            LogIn = context.IsGitHubActions || ecr is not null,
            Ecr = ecr,
            RegistryUser = context.Argument<string?>(RegistryUserArgument, null) ?? Blank(Environment.GetEnvironmentVariable(GitHubActorVariable)) ?? owner,
        };
        problems.AddRange(settings.Check());
        return settings with { Problems = problems };
    }

    /// <summary>Throws one error listing every problem, each with what to set; call before any side effect.</summary>
    public void ThrowIfInvalid(string stage, IEnumerable<string>? stageProblems = null)
    {
        var all = Problems.Concat(stageProblems ?? []).ToList();
        if (all.Count > 0)
        {
            throw new CakeException($"{stage} cannot start:\n" + string.Join('\n', all.Select(problem => "  - " + problem)));
        }
    }

    /// <summary>Files Build-Images reads: both Dockerfiles and the frontend's package.json.</summary>
    public IEnumerable<string> BuildProblems() =>
        Images.Where(image => !File.Exists(image.Dockerfile.FullPath))
            .Select(image => $"{image.Dockerfile.FullPath} does not exist: is --app-root the sample app's folder?");

    /// <summary>Test-Integration and Test-E2E: the compose file, and for E2E the browser when one is named.</summary>
    public IEnumerable<string> StackProblems(bool needsBrowser)
    {
        if (!File.Exists(ComposeFile.FullPath))
        {
            yield return $"{ComposeFile.FullPath} does not exist: is --app-root the sample app's folder?";
        }
        if (needsBrowser && ChromiumExecutable is { } chromium && !File.Exists(chromium.FullPath))
        {
            yield return $"The browser {chromium.FullPath} (--{ChromiumArgument} / {ChromiumVariable}) does not exist: install chromium or unset it to use Playwright's own browser.";
        }
        if (needsBrowser && Browser is { Found: false } browser)
        {
            yield return $"No browser for Playwright ({browser.TriedText}): install chromium (apt-get install chromium), run 'npx playwright install chromium' in e2e/, or pass --{ChromiumArgument}=<path>.";
        }
    }

    /// <summary>Push-Images in GitHub Actions logs in with the job's token; without it the push would fail half-way.</summary>
    public IEnumerable<string> PushProblems()
    {
        if (LogIn && Ecr is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EnvVars.GitHubToken)))
        {
            yield return $"{EnvVars.GitHubToken} is not set: Push-Images logs in to {Registry} with it; give the job `secrets.GITHUB_TOKEN` and `packages: write`.";
        }
    }

    private IEnumerable<string> Check()
    {
        if (!RegistryPattern().IsMatch(Registry))
        {
            yield return $"--{ArgumentNames.Registry}={Registry} is not a registry host: give host[:port] without scheme or path, e.g. {CiRegistry} or {LocalRegistry}.";
        }
        if (Owner.Length > 0 && !OwnerPattern().IsMatch(Owner))
        {
            yield return $"Owner '{Owner}' cannot be part of an image name: use lower-case letters, digits, '.', '_' or '-' (--{ArgumentNames.Owner}).";
        }
        if (BackendPort is < 0 or > 65535 || FrontendPort is < 0 or > 65535)
        {
            yield return $"--{BackendPortArgument}/--{FrontendPortArgument} must be 1-65535, or 0 for a free port.";
        }
        if (StackTimeout <= TimeSpan.Zero)
        {
            yield return $"--{StackTimeoutArgument} must be a positive number of seconds.";
        }
        if (ComposeProject is { } project && !ProjectPattern().IsMatch(project))
        {
            yield return $"--{ComposeProjectArgument}={project}: use lower-case letters, digits, '-' and '_', starting with a letter or digit.";
        }
    }

    /// <summary>The registry namespace asked for: <c>--owner</c>, else GITHUB_REPOSITORY_OWNER; null when neither is set.</summary>
    internal static string? OwnerOfRun(BuildContext context) =>
        Blank(context.Argument<string?>(ArgumentNames.Owner, null) ?? Environment.GetEnvironmentVariable(EnvVars.GitHubRepositoryOwner));

    /// <summary>The commit of this run: <c>--sha</c>, else GITHUB_SHA, else the checked-out commit; null without any.</summary>
    internal static string? ShaOfRun(BuildContext context) =>
        Blank(context.Argument<string?>(ArgumentNames.Sha, null) ?? Environment.GetEnvironmentVariable(EnvVars.GitHubSha))
            ?? GitRevision.Head(context.RepoRoot.FullPath);

    private static string ResolveOwner(BuildContext context, List<string> problems)
    {
        var owner = OwnerOfRun(context) ?? (context.IsGitHubActions ? null : LocalOwner);
        if (owner is null)
        {
            problems.Add($"No image owner: pass --{ArgumentNames.Owner}=<name> or set {EnvVars.GitHubRepositoryOwner}.");
        }
        return owner?.ToLowerInvariant() ?? string.Empty;
    }

    private static string ResolveSha(BuildContext context, List<string> problems)
    {
        var sha = ShaOfRun(context);
        if (sha is null)
        {
            problems.Add($"No commit SHA to tag the images with: pass --{ArgumentNames.Sha}=<commit> or set {EnvVars.GitHubSha} (no git commit is checked out).");
            return string.Empty;
        }
        sha = sha.ToLowerInvariant();
        if (!ShaPattern().IsMatch(sha))
        {
            problems.Add($"--{ArgumentNames.Sha}={sha} is not a commit SHA (7-40 hex digits).");
        }
        return sha;
    }

    private static string ResolveCreated(BuildContext context, string sha, List<string> problems)
    {
        if (context.Argument<string?>(CreatedArgument, null) is { } given)
        {
            if (DateTimeOffset.TryParse(given, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Rfc3339(parsed);
            }
            problems.Add($"--{CreatedArgument}={given} is not a time: use RFC 3339, e.g. 2025-01-31T12:00:00Z.");
            return string.Empty;
        }
        if (sha.Length == 0)
        {
            return string.Empty;
        }
        if (GitRevision.CommitTime(context.RepoRoot.FullPath, sha) is { } time)
        {
            return Rfc3339(time);
        }
        problems.Add($"{sha} is not a commit of this checkout, so the images' created time is unknown: fetch it, or pass --{CreatedArgument}=<RFC 3339 time>.");
        return string.Empty;
    }

    private static ContainerImage Image(BuildContext context, string component, string name, string registry, string owner, string sha)
    {
        var folder = context.AppRoot.Combine(component);
        var repository = owner.Length > 0 ? $"{registry}/{owner}/{name}" : $"{registry}/{name}";
        return new ContainerImage(component, name, repository, sha, folder, folder.CombineWithFilePath(DockerfileName));
    }

    private static string? GitHubRepositoryUrl() =>
        (Blank(Environment.GetEnvironmentVariable(EnvVars.GitHubServerUrl)), Blank(Environment.GetEnvironmentVariable(EnvVars.GitHubRepository))) is ({ } server, { } repository)
            ? $"{server.TrimEnd('/')}/{repository}"
            : null;

    private static string Rfc3339(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]{1,5})?$")]
    private static partial Regex RegistryPattern();

    [GeneratedRegex(@"^[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*$")]
    private static partial Regex OwnerPattern();

    [GeneratedRegex("^[0-9a-f]{7,40}$")]
    private static partial Regex ShaPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex ProjectPattern();
}
