using System.Collections.Concurrent;
using System.Net;
using Build.Tests.Support;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// A recording stand-in for GitHub's REST API on 127.0.0.1: it answers <c>GET /repos/{owner}/{repo}/environments/{name}</c>
/// with a chosen status and body, and records each request's path and headers. Bodies follow the documented response of
/// "Get an environment" (docs.github.com/rest/deployments/environments).
/// </summary>
public sealed class GitHubApiStandIn : IDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly LoopbackHttpServer _server;

    private GitHubApiStandIn()
    {
        _server = LoopbackHttpServer.Start(Answer);
    }

    public string BaseUrl => _server.BaseUrl;

    public int Status { get; set; } = 200;

    public string Body { get; set; } = "{}";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>An environment the way GitHub reports it; <paramref name="rules"/> is the JSON of its protection_rules array.</summary>
    public static string Environment(string name, string rules) => $$"""
        {
          "id": 161088068,
          "node_id": "EN_kwDOAbCdEf4ACZn9xA",
          "name": "{{name}}",
          "url": "https://api.github.com/repos/acme/sovd/environments/{{name}}",
          "html_url": "https://github.com/acme/sovd/deployments/activity_log?environments_filter={{name}}",
          "created_at": "2026-11-02T09:14:05Z",
          "updated_at": "2026-11-20T16:41:27Z",
          "can_admins_bypass": true,
          "protection_rules": {{rules}},
          "deployment_branch_policy": null
        }
        """;

    public const string RequiredReviewersRule = """
        {
          "id": 3755,
          "node_id": "GA_kwDOAbCdEf4ADqs",
          "prevent_self_review": true,
          "type": "required_reviewers",
          "reviewers": [
            { "type": "User", "reviewer": { "login": "release-manager", "id": 5812, "node_id": "U_kgDOAAAWtA", "type": "User", "site_admin": false } },
            { "type": "Team", "reviewer": { "id": 77, "node_id": "T_kwDOAbCdEc4AAABN", "name": "SOVD operators", "slug": "sovd-operators" } }
          ]
        }
        """;

    public const string WaitTimerRule = """{ "id": 3736, "node_id": "GA_kwDOAbCdEf4ADqg", "type": "wait_timer", "wait_timer": 30 }""";

    public const string BranchPolicyRule = """{ "id": 3756, "node_id": "GA_kwDOAbCdEf4ADqw", "type": "branch_policy" }""";

    public static GitHubApiStandIn Start() => new();

    public void Dispose() => _server.Dispose();

    private void Answer(HttpListenerContext context)
    {
        var request = context.Request;
        _requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url?.AbsolutePath ?? "/",
            request.Headers["Authorization"], request.Headers["Accept"], request.Headers["X-GitHub-Api-Version"]));
        LoopbackHttpServer.Reply(context, Status, "application/json; charset=utf-8", Status switch
        {
            200 => Body,
            404 => """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/deployments/environments#get-an-environment","status":"404"}""",
            _ => $$"""{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/deployments/environments#get-an-environment","status":"{{Status}}"}""",
        });
    }
}

public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? Accept, string? ApiVersion);
