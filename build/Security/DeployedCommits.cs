using System.Net.Http.Headers;

namespace Build.Security;

/// <summary>
/// What runs in an environment, from GitHub's deployment records: every job with an <c>environment:</c> creates a
/// deployment of its commit and sets its status from the job's result. The newest deployment whose newest status is
/// <c>success</c> is the commit deployed there, and its images are
/// <c>&lt;registry&gt;/&lt;owner&gt;/&lt;image&gt;:&lt;sha&gt;</c> (Push-Images tags every image with its commit). REST
/// endpoints "List deployments" (<c>?environment=</c>, newest first) and "List deployment statuses" (newest first),
/// docs.github.com/rest/deployments, read 2026-12-07; both need
/// <c>deployments: read</c>.
/// </summary>
public static class DeployedCommits
{
    private const int DeploymentsLooked = 30;

    /// <summary>
    /// The commit running in <paramref name="environment"/>; neither a commit nor a problem when nothing was deployed
    /// there yet; a problem naming what to do when the records cannot be read.
    /// </summary>
    public static (string? Sha, string? Problem) Latest(HttpClient http, string repository, string environment,
        string token)
    {
        try
        {
            var query = $"environment={Uri.EscapeDataString(environment)}&per_page={DeploymentsLooked}";
            var deployments = Get(http, $"repos/{repository}/deployments?{query}", token);
            if (deployments.Problem is { } problem)
            {
                return (null, $"GitHub's deployments of '{environment}' in {repository}: {problem}");
            }
            foreach (var deployment in deployments.Json?.AsArray() ?? [])
            {
                var statuses =
                    Get(http, $"repos/{repository}/deployments/{(long?)deployment?["id"]}/statuses?per_page=1", token);
                if (statuses.Problem is null
                    && (string?)statuses.Json?.AsArray().FirstOrDefault()?["state"] == "success")
                {
                    return ((string?)deployment?["sha"], null);
                }
            }
            return (null, null);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return (null, $"GitHub's API at {http.BaseAddress} did not answer ({error.Message}); try again.");
        }
    }

    private static (JsonNode? Json, string? Problem) Get(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-GitHub-Api-Version", ProductionApprovalCheck.ApiVersion);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("sovd-pipeline", "1"));
        using var response = http.Send(request);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => (JsonNode.Parse(response.Content.ReadAsStream()), null),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound =>
                (null, $"HTTP {(int)response.StatusCode}: the job's token needs `deployments: read` (and the " +
                    $"repository must exist)."),
            _ => (null, $"HTTP {(int)response.StatusCode}; try again."),
        };
    }
}
