using Pipeline.Tests.Shared;
using Scripts.Tests.Support;

namespace Scripts.Tests;

/// <summary>The readiness check: JSON that says ready, retried with backoff while the backend starts.</summary>
[Trait("Tier", "process")]
public sealed class ReadinessCheckTests : FaultServerTest
{
    [Fact]
    public async Task Passes_every_check_against_a_healthy_stack()
    {
        Server.ServeHealthyStack();

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(0);
        run.ShouldReport("PASS", "readiness").Should().MatchRegex(@"\s200\s+\d+ms\s");
        run.ShouldReport("PASS", "api-vehicles").Should().Contain("JSON array with 2 vehicles");
        run.ShouldReport("PASS", "frontend-page").Should().Contain(SampleApp.AssetPath);
        run.ShouldReport("PASS", "frontend-asset").Should().Contain($"GET {Server.BaseUrl}{SampleApp.AssetPath}");
        run.ShouldReport("SKIP", "error-rate").Should().Contain("SMOKE_PROBE_REQUESTS");
        run.Stdout.Should().Contain("smoke: 4 passed, 0 failed, 1 skipped");
    }

    [Fact]
    public async Task Waits_through_503_until_the_backend_is_ready()
    {
        Server.ServeHealthyStack().Route("/health/ready", Answer.Json(SampleApp.ReadyJson) with { UnavailableForFirst = 3 });

        var run = await SmokeScript.Against(Server.BaseUrl).Env("SMOKE_READY_ATTEMPTS", "5").RunAsync();

        run.ShouldExitWith(0);
        run.ShouldReport("PASS", "readiness").Should().Contain("attempt 4 of 5");
        Server.CallsTo("/health/ready").Should().Be(4);
    }

    [Fact]
    public async Task Fails_when_readiness_never_comes_and_still_reports_the_other_checks()
    {
        Server.ServeHealthyStack().Route("/health/ready", Answer.Json("""{"status":"starting"}""", 503));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "readiness").Should()
            .Contain(" 503 ").And.Contain("not ready after 3 attempts").And.Contain("""body: {"status":"starting"}""");
        run.ShouldReport("PASS", "api-vehicles");
        run.ShouldReport("PASS", "frontend-page");
        run.ShouldReport("PASS", "frontend-asset");
        run.Stdout.Should().Contain("smoke: 3 passed, 1 failed");
        // "after 3 attempts" above is the event that shows the attempts ran out; the clock only shows the 20 s bound was not hit.
        run.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(20), "three quick attempts, not the 20 s bound");
    }

    [Fact]
    public async Task Fails_when_readiness_answers_json_that_is_not_ready()
    {
        Server.ServeHealthyStack().Route("/health/ready", Answer.Json("""{"status":"degraded"}"""));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "readiness").Should().Contain("""expected a JSON object with "status": "ready"; body: {"status":"degraded"}""");
    }

    [Fact]
    public async Task Fails_when_spa_fallback_answers_the_api_paths()
    {
        Server.ServeFrontend().Fallback(Answer.Html(SampleApp.IndexHtml));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "readiness").Should().Contain("Content-Type 'text/html; charset=utf-8' (an HTML page");
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("expected a JSON answer").And.Contain("body: <!doctype html>");
        run.ShouldReport("PASS", "frontend-page");
        run.Stdout.Should().Contain("smoke: 2 passed, 2 failed");
        Server.CallsTo("/health/ready").Should().Be(1, "a 200 HTML page will not turn into a readiness answer by waiting");
    }

    [Fact]
    public async Task Options_win_over_environment_variables()
    {
        Server.ServeHealthyStack();

        var run = await SmokeScript.Against($"http://127.0.0.1:{LocalServer.FreePort()}")
            .Args("--api-base-url", Server.BaseUrl + "/", "--timeout=3").RunAsync();

        run.ShouldExitWith(0);
        run.Stdout.Should().Contain($"API {Server.BaseUrl}, frontend {Server.BaseUrl}, token none, request timeout 3s");
    }
}
