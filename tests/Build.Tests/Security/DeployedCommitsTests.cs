using System.Net;
using Build.Security;
using Build.Tests.Support;

namespace Build.Tests.Security;

/// <summary>
/// Rescan-Deployed's source of truth against a stand-in of GitHub's REST API that answers "List deployments" and
/// "List deployment statuses" in their formats (newest first; docs.github.com/rest/deployments, read 2026-12-07).
/// </summary>
public sealed class DeployedCommitsTests : IDisposable
{
    private readonly List<string> _requests = [];
    private readonly Dictionary<string, (int Status, string Body)> _answers = new(StringComparer.Ordinal);
    private readonly LoopbackHttpServer _github;
    private readonly HttpClient _http;

    public DeployedCommitsTests()
    {
        _github = LoopbackHttpServer.Start(context =>
        {
            var path = context.Request.Url!.PathAndQuery;
            lock (_requests)
            {
                _requests.Add($"{path} {context.Request.Headers["Authorization"]}");
            }
            var (status, body) = _answers.GetValueOrDefault(path, (404, """{"message":"Not Found"}"""));
            LoopbackHttpServer.Reply(context, status, "application/json", body);
        });
        _http = new HttpClient { BaseAddress = new Uri(_github.BaseUrl + "/") };
    }

    [Fact]
    public void Latest_NewestDeploymentFailedAndOlderSucceeded_ReturnsTheOlderCommit_StandInGitHubApi()
    {
        _answers["/repos/acme/app/deployments?environment=production&per_page=30"] = (200, """[{"id":12,"sha":"bbb222"},{"id":11,"sha":"aaa111"}]""");
        _answers["/repos/acme/app/deployments/12/statuses?per_page=1"] = (200, """[{"state":"failure"}]""");
        _answers["/repos/acme/app/deployments/11/statuses?per_page=1"] = (200, """[{"state":"success"}]""");

        var (sha, problem) = DeployedCommits.Latest(_http, "acme/app", "production", "t0ken");

        (sha, problem).Should().Be(("aaa111", (string?)null));
        _requests.Should().OnlyContain(request => request.EndsWith(" Bearer t0ken", StringComparison.Ordinal));
    }

    [Fact]
    public void Latest_NothingDeployedYet_ReturnsNeitherCommitNorProblem_StandInGitHubApi()
    {
        _answers["/repos/acme/app/deployments?environment=staging&per_page=30"] = (200, "[]");

        DeployedCommits.Latest(_http, "acme/app", "staging", "t0ken").Should().Be(((string?)null, (string?)null));
    }

    [Fact]
    public void Latest_TokenWithoutDeploymentsRead_NamesThePermission_StandInGitHubApi()
    {
        _answers["/repos/acme/app/deployments?environment=staging&per_page=30"] = ((int)HttpStatusCode.Forbidden, """{"message":"Resource not accessible by integration"}""");

        DeployedCommits.Latest(_http, "acme/app", "staging", "t0ken").Problem.Should().Be(
            "GitHub's deployments of 'staging' in acme/app: HTTP 403: the job's token needs `deployments: read` (and the repository must exist).");
    }

    public void Dispose()
    {
        _http.Dispose();
        _github.Dispose();
    }
}
