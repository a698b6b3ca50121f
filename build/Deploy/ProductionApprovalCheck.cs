using System.Net.Http.Headers;

namespace Build.Deploy;

/// <summary>
/// A workflow can only name its environment; GitHub creates one it does not know without protection, and main would
/// then deploy without anyone's approval. Before anything changes, the deploy asks GitHub's REST API
/// (<c>GET /repos/{owner}/{repo}/environments/{name}</c>, "Get an environment",
/// docs.github.com/rest/deployments/environments, read 2026-12-01) whether the environment has a
/// <c>required_reviewers</c> protection rule, and refuses when it has not. The endpoint needs the "Actions" repository
/// permission (read): <c>actions: read</c> for the job's GITHUB_TOKEN.
/// </summary>
public static class ProductionApprovalCheck
{
    private const string DefaultApiUrl = "https://api.github.com";
    public const string ApiVersion = "2022-11-28";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs in GitHub Actions when the stage's environment
    /// <see cref="Pipeline.Definition.Workflows.DeploymentEnvironment.RequiresReviewers"/>; locally no GitHub
    /// environment guards a deploy, so it runs only when asked (<c>--approval-check=true</c>);
    /// <c>--approval-check=false</c> turns it off for one run, the definition's setting for good.
    /// Throws <see cref="DeployException"/> naming what to do; the token never appears in any message.
    /// </summary>
    public static void Ensure(BuildContext context, Stage stage)
    {
        if (stage.Environment is not { RequiresReviewers: true } environment
            || !context.Argument(ArgumentNames.ApprovalCheck, context.IsGitHubActions))
        {
            return;
        }
        var run = context.GitHubActions().Environment.Workflow;
        var apiUrl = run.ApiUrl is { Length: > 0 } url ? url : DefaultApiUrl;
        if (context.DryRun)
        {
            context.Information(
                $"[dry-run] would check that {apiUrl}/repos/{run.Repository}/environments/{environment.Name} " +
                "has required reviewers");
            return;
        }
        var token = context.Environment.GetEnvironmentVariable(EnvVars.GitHubToken) ?? "";
        using var http = new HttpClient { BaseAddress = new Uri(apiUrl.TrimEnd('/') + "/"), Timeout = Timeout };
        if (Problem(http, run.Repository, environment.Name, token) is { } problem)
        {
            throw new DeployException($"{stage.Name} refuses to deploy; nothing was changed: {problem}");
        }
        context.Information(
            $"The '{environment.Name}' environment of {run.Repository} requires reviewers: this deploy was approved.");
    }

    /// <summary>
    /// Null when GitHub reports a required-reviewers rule on the environment, else what is wrong and what to do.
    /// </summary>
    public static string? Problem(HttpClient http, string repository, string environment, string token)
    {
        var turnOff = $"(teams that protect '{environment}' another way set RequiresReviewers = false on its " +
                      $"environment in the definition, or pass --{ArgumentNames.ApprovalCheck}=false)";
        if (!repository.Contains('/'))
        {
            return $"{EnvVars.GitHubRepository} is '{repository}', not owner/name: " +
                   $"it names the repository whose '{environment}' environment is checked {turnOff}.";
        }
        if (string.IsNullOrEmpty(token))
        {
            return $"{EnvVars.GitHubToken} is not set: " +
                   $"the job reads the '{environment}' environment's protection rules with it; " +
                   $"give the run step `secrets.GITHUB_TOKEN` and the job `actions: read` {turnOff}.";
        }
        using var request = new HttpRequestMessage(
            HttpMethod.Get, $"repos/{repository}/environments/{Uri.EscapeDataString(environment)}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("sovd-pipeline", "1"));
        try
        {
            using var response = http.Send(request);
            return response.StatusCode switch
            {
                HttpStatusCode.OK => ReviewersProblem(response, repository, environment, turnOff),
                HttpStatusCode.NotFound =>
                    $"GitHub knows no environment '{environment}' in {repository} (HTTP 404): " +
                    $"create it with required reviewers (Settings → Environments) {turnOff}.",
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                    $"GitHub refused to read the '{environment}' environment of {repository} " +
                    $"(HTTP {(int)response.StatusCode}): the job's token needs `actions: read` {turnOff}.",
                _ => $"GitHub answered HTTP {(int)response.StatusCode} for the '{environment}' environment of " +
                     $"{repository}; try again {turnOff}.",
            };
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return $"GitHub's API at {http.BaseAddress} did not answer ({error.Message}) {turnOff}.";
        }
    }

    private static string? ReviewersProblem(
        HttpResponseMessage response, string repository, string environment, string turnOff)
    {
        var rules = JsonNode.Parse(response.Content.ReadAsStream())?["protection_rules"] as JsonArray ?? [];
        // GitHub lists the rule only when reviewers are set; an empty reviewers list would approve nothing.
        var required = rules.Any(rule =>
            (string?)rule?["type"] == "required_reviewers" && (rule?["reviewers"] as JsonArray)?.Count != 0);
        return required
            ? null
            : $"the '{environment}' environment of {repository} has no required reviewers, " +
              "so nobody approved this deploy. " +
              $"Add them under Settings → Environments → {environment} → Required reviewers {turnOff}.";
    }
}
