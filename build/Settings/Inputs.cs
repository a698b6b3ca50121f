using Cake.Common.Build.GitHubActions.Data;

namespace Build.Settings;

/// <summary>
/// Every <c>--name=value</c> argument the settings read; where CI sets a value instead, its variable is in
/// <see cref="EnvVars"/>. <see cref="Inputs"/> says how they are read: always through the host's context.
/// </summary>
public static class ArgumentNames
{
    public const string AppRoot = "app-root";
    public const string Python = "python";
    // Folder of the WebAssembly ruff, used when the interpreter has no ruff; empty turns it off.
    public const string RuffWasm = "ruff-wasm";
    // false: never run the Python stages in the backend's toolchain image (they then need a Python at CI's versions).
    public const string ToolchainImage = "toolchain-image";
    public const string CoverageThreshold = "coverage-threshold";
    public const string TestFilter = "test-filter";
    public const string Sha = "sha";
    public const string Registry = "registry";
    public const string Owner = "owner";
    public const string Confirm = "confirm";
    public const string ApprovalCheck = "approval-check";
    public const string OutputRoot = "output-root";
    // The folder that stands in for the repository's .artifacts (runs side by side, tests).
    public const string ArtifactsRoot = "artifacts-root";
    public const string TriageFile = "triage-file";
    // The day the triage file is judged as of (default: today, UTC): rehearses an expiry ahead of time.
    public const string TriageDate = "triage-date";
    public const string IgnoreUnfixed = "ignore-unfixed";
    // Test-Pipeline: whether NuGet advisories fail the run (default: only in the scheduled run).
    public const string FailOnNuGetAdvisories = "fail-on-nuget-advisories";

    // The image stages.
    public const string Created = "created";
    public const string SourceUrl = "source-url";
    public const string ImagesArchive = "images-archive";
    public const string LayerCache = "layer-cache";
    public const string BackendPort = "backend-port";
    public const string FrontendPort = "frontend-port";
    public const string StackTimeout = "stack-timeout-seconds";
    public const string ComposeProject = "compose-project";
    public const string Chromium = "chromium";
    public const string RegistryUser = "registry-user";

    // The deploy stages.
    public const string Release = "release";
    public const string Namespace = "namespace";
    public const string Chart = "chart";
    public const string KubeContext = "kube-context";
    public const string DeployTimeout = "deploy-timeout-minutes";
    // The bound of the wait for a changed route to be served (the definition's DeployTimeouts.RouteReady by default).
    public const string RouteWait = "route-wait-seconds";
    public const string SmokeUrl = "smoke-url";
    public const string ProbeRequests = "probe-requests";
    public const string MaxErrorRate = "max-error-rate";
    public const string ImagesFile = "images-file";
    public const string CanaryHeader = "canary-header";
    public const string CreateNamespace = "create-namespace";
    public const string ImagePullSecret = "image-pull-secret";
    public const string CreatePullSecret = "create-pull-secret";
    public const string AllowDowngrade = "allow-downgrade";
    public const string Values = "values";
    public const string Set = "set";
    public const string SmokeResolve = "smoke-resolve";
    public const string SmokeHostHeader = "smoke-host-header";
    public const string EksCluster = "eks-cluster";
    public const string AwsRegion = "aws-region";

    // Push-Images: whether this push moves the latest tags.
    public const string PushLatest = "push-latest";

    // Rehearse.
    public const string Isolated = "isolated";
    public const string Event = "event";
    public const string Parallel = "parallel";
    public const string IncludeUncommitted = "include-uncommitted";
}

/// <summary>
/// Environment variables the host reads. The runner's GITHUB_* and RUNNER_* variables are read through
/// <see cref="BuildContext.GitHubActions"/>; the ones named here are for the messages that tell a user what to set.
/// </summary>
public static class EnvVars
{
    public const string Python = "PIPELINE_PYTHON";
    public const string TestFilter = "PIPELINE_TEST_FILTER";
    public const string PythonPath = "PYTHONPATH";
    public const string PlaywrightBrowsers = "PLAYWRIGHT_BROWSERS_PATH";
    // The E2E browser; the sample's Playwright config reads it too.
    public const string PlaywrightChromium = "PLAYWRIGHT_CHROMIUM_EXECUTABLE";
    public const string Home = "HOME";
    public const string GitHubSha = "GITHUB_SHA";
    public const string GitHubRepositoryOwner = "GITHUB_REPOSITORY_OWNER";
    public const string GitHubRepository = "GITHUB_REPOSITORY";
    // A secret the workflow passes in, not a runner variable: read with Inputs.Variable.
    public const string GitHubToken = "GITHUB_TOKEN";

    // Secrets of the deploy stages.
    public const string KubeConfigData = "KUBE_CONFIG_DATA";
    public const string SmokeApiToken = "SMOKE_API_TOKEN";
    // A registry token the pipeline turns into the image pull secret when asked (--create-pull-secret).
    public const string RegistryPullToken = "REGISTRY_PULL_TOKEN";
    // aws-actions/configure-aws-credentials sets it.
    public const string AwsRegion = "AWS_REGION";
    // The token the smoke script sends, from SmokeApiToken.
    public const string SmokeScriptToken = "API_TOKEN";

    // The backend's bearer token; the compose file passes it from the environment into the container.
    public const string SovdApiToken = "SOVD_API_TOKEN";
    public const string BaseImageCache = "BASE_IMAGE_CACHE_DIR";
}

/// <summary>
/// How settings read arguments and variables: through the host's context (never the process environment), so a test
/// hands in its own; blank counts as unset.
/// </summary>
public static class Inputs
{
    public static string? NullIfBlank(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The last value of <c>--name</c>; null when absent or blank.</summary>
    public static string? ArgumentOrNull(this ICakeContext context, string name) =>
        context.Arguments.GetArguments(name)?.LastOrDefault().NullIfBlank();

    public static string? Variable(this ICakeContext context, string name) =>
        context.Environment.GetEnvironmentVariable(name).NullIfBlank();

    /// <summary>A file given as <c>--name</c>, relative to the repository; else <paramref name="fallback"/>.</summary>
    public static FilePath FileArgument(this BuildContext context, string name, FilePath fallback) =>
        context.ArgumentOrNull(name) is { } file ? new FilePath(file).MakeAbsolute(context.RepoRoot) : fallback;

    /// <summary>
    /// The registry namespace: <c>--owner</c>, else GITHUB_REPOSITORY_OWNER. ECR repositories sit right below the
    /// registry host, so its images have no owner (empty).
    /// </summary>
    public static string? ImageOwner(this BuildContext context, string registry) =>
        EcrRegistryHost.TryParse(registry) is null
        ? (context.ArgumentOrNull(ArgumentNames.Owner) ?? context.GitHubRun().RepositoryOwner.NullIfBlank())
            ?.ToLowerInvariant()
        : string.Empty;

    /// <summary>The commit of this run: <c>--sha</c>, else GITHUB_SHA, else the checked-out commit.</summary>
    public static string? Sha(this BuildContext context) =>
        context.ArgumentOrNull(ArgumentNames.Sha)
        ?? context.GitHubRun().Sha.NullIfBlank()
        ?? context.GitHead(context.RepoRoot);

    /// <summary>The workflow run's GITHUB_* variables, through <see cref="BuildContext.GitHubActions"/>.</summary>
    public static GitHubActionsWorkflowInfo GitHubRun(this BuildContext context) =>
        context.GitHubActions().Environment.Workflow;
}
