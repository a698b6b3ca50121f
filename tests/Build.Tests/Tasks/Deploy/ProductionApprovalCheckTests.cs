using Build.Deploy;
using Build.Tests.Tasks.Deploy.Support;

namespace Build.Tests.Tasks.Deploy;

/// <summary>The approval check against a recording stand-in of GitHub's REST API (no network here).</summary>
public sealed class ProductionApprovalCheckTests
{
    private const string Token = "ghs_ApprovalCheckTokenNeverPrinted42";

    [Fact]
    public void Problem_EnvironmentWithRequiredReviewers_GitHubApiStandIn_PassesAfterOneAuthenticatedGet()
    {
        using var api = GitHubApiStandIn.Start();
        api.Body = GitHubApiStandIn.Environment("production",
            $"[{GitHubApiStandIn.WaitTimerRule}, {GitHubApiStandIn.RequiredReviewersRule}, {GitHubApiStandIn.BranchPolicyRule}]");

        var problem = Check(api);

        problem.Should().BeNull();
        api.Requests.Should().Equal(new RecordedRequest("GET", "/repos/acme/sovd/environments/production",
            $"Bearer {Token}", "application/vnd.github+json", ProductionApprovalCheck.ApiVersion));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData($"[{GitHubApiStandIn.WaitTimerRule}, {GitHubApiStandIn.BranchPolicyRule}]")]
    public void Problem_EnvironmentWithoutRequiredReviewers_GitHubApiStandIn_RefusesNamingTheSettingAndTheWayOut(string rules)
    {
        using var api = GitHubApiStandIn.Start();
        api.Body = GitHubApiStandIn.Environment("production", rules);

        var problem = Check(api);

        problem.Should().StartWith("the 'production' environment of acme/sovd has no required reviewers")
            .And.Contain("Settings → Environments → production → Required reviewers")
            .And.Contain("RequiresReviewers = false").And.Contain("--approval-check=false")
            .And.NotContain(Token);
    }

    [Theory]
    [InlineData(403, "(HTTP 403): the job's token needs `actions: read`")]
    [InlineData(401, "(HTTP 401): the job's token needs `actions: read`")]
    [InlineData(404, "GitHub knows no environment 'production' in acme/sovd (HTTP 404)")]
    [InlineData(502, "GitHub answered HTTP 502")]
    public void Problem_GitHubRefuses_GitHubApiStandIn_SaysWhatTheAnswerMeans(int status, string expected)
    {
        using var api = GitHubApiStandIn.Start();
        api.Status = status;

        Check(api).Should().Contain(expected).And.NotContain(Token);
    }

    [Fact]
    public void Problem_NoToken_RefusesWithoutCallingGitHub()
    {
        using var api = GitHubApiStandIn.Start();

        var problem = Check(api, token: "");

        problem.Should().StartWith("GITHUB_TOKEN is not set").And.Contain("actions: read");
        api.Requests.Should().BeEmpty();
    }

    [Fact]
    public void Problem_ApiUnreachable_RefusesNamingTheAddress()
    {
        int port;
        using (var api = GitHubApiStandIn.Start())
        {
            port = new Uri(api.BaseUrl).Port;
        }
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(5) };

        ProductionApprovalCheck.Problem(http, "acme/sovd", "production", Token)
            .Should().StartWith($"GitHub's API at http://127.0.0.1:{port}/ did not answer").And.NotContain(Token);
    }

    private static string? Check(GitHubApiStandIn api, string token = Token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl + "/") };
        return ProductionApprovalCheck.Problem(http, "acme/sovd", "production", token);
    }
}
