namespace Build.Deploy;

/// <summary>
/// Runs scripts/smoke_tests.sh against the environment's URL. The URL and probe settings go on the command line
/// (a dry run prints them); the API token goes through the environment only (API_TOKEN), never an argument. Every
/// answer must name the build in X-App-Version: this deploy's commit, or in a weighted pass also the stable
/// release's (<see cref="StableBuild"/>), whose share the script reports.
/// </summary>
public sealed partial class Deployment
{
    // The name of a smoke step in the record and the log.
    private string SmokeStep =>
        settings.SmokeTests.ProbeRequests > 0 ? "smoke tests and error-rate probe" : "smoke tests";

    /// <summary>
    /// The build this deploy rolls out: the commit its images were built from (Build-Images' APP_VERSION).
    /// </summary>
    private string NewBuild => images.Backend.Tag;

    /// <summary>
    /// The build the stable release runs, from its image tag: it may answer a weighted pass. Also answers that name no
    /// build count as it, since a stable release built before X-App-Version names none.
    /// </summary>
    private static string? StableBuild(IReadOnlyDictionary<string, string> stableImages) =>
        stableImages.GetValueOrDefault("backend.image.tag");

    /// <summary>
    /// With <paramref name="route"/> every request carries the canary header, so only the canary (the new build)
    /// answers; with <paramref name="stableBuild"/> the answers may come from both builds (a weighted pass); without
    /// <paramref name="probe"/> the checks run without the error-rate probe.
    /// </summary>
    private void RunSmokeTests(CanaryHeader? route = null, string? stableBuild = null, bool probe = true)
    {
        var arguments = new ProcessArgumentBuilder()
            .AppendPath(context.RepoRoot.CombineWithFilePath("scripts/smoke_tests.sh"), context.Environment)
            .AppendOption("--api-base-url", settings.SmokeTests.Url)
            .AppendOption("--frontend-url", settings.SmokeTests.Url)
            .AppendOption("--total-timeout",
                settings.Timeouts.SmokeBound.TotalSeconds.ToString(CultureInfo.InvariantCulture))
            .AppendOptionIfSet("--header", route?.ToString())
            .AppendOptionIfSet("--header", settings.SmokeTests.HostHeader is { } host ? $"Host: {host}" : null)
            .AppendOptionIfSet("--resolve", settings.SmokeTests.Resolve)
            .AppendOption("--expect-version", NewBuild);
        if (stableBuild is not null && stableBuild != NewBuild)
        {
            arguments.AppendOption("--allow-version", stableBuild).Append("--allow-unnamed");
        }
        if (probe && settings.SmokeTests.ProbeRequests > 0)
        {
            arguments
                .AppendOption("--probe-requests",
                    settings.SmokeTests.ProbeRequests.ToString(CultureInfo.InvariantCulture))
                .AppendOption("--max-error-rate",
                    settings.SmokeTests.MaxErrorRate.ToString(CultureInfo.InvariantCulture));
        }
        var processSettings = new ProcessSettings
        {
            Arguments = arguments,
            WorkingDirectory = context.RepoRoot,
            // Always set, so a token from the caller's shell cannot leak in under the script's own variable name.
            EnvironmentVariables = new Dictionary<string, string>
            {
                [EnvVars.SmokeScriptToken] = context.Environment.GetEnvironmentVariable(EnvVars.SmokeApiToken) ?? "",
            },
        };
        var exitCode = context.StartProcess(context.Tools.Resolve("bash") ?? new FilePath("bash"), processSettings);
        if (exitCode != 0)
        {
            var meaning = exitCode == 2 ? "the script could not run (usage or environment error)" : "a check failed";
            var target = route is null ? settings.SmokeTests.Url : $"{settings.SmokeTests.Url} (canary only, {route})";
            throw new DeployException($"Smoke tests against {target} failed " +
                $"(exit code {exitCode}: {meaning}; the script's output above names it).");
        }
    }
}
