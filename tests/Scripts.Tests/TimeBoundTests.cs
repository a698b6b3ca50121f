using Pipeline.Tests.Shared;
using Scripts.Tests.Support;

namespace Scripts.Tests;

/// <summary>Hanging and unreachable servers: the script ends within its bound and says why.</summary>
[Trait("Tier", "process")]
public sealed class TimeBoundTests : FaultServerTest
{
    // The bound itself is proven by the script's own words ("timed out", "time bound … used up"), which only its
    // timers produce; the clock only shows that the run did not wait for the hanging answers (5 minutes each), with a
    // margin no load on a shared machine eats (an overhead-sized margin made these tests fail under load).
    private static readonly TimeSpan DidNotWaitForTheServer = Answer.Hanging().Delay / 5;

    [Fact]
    public async Task Fails_within_its_bound_when_readiness_hangs()
    {
        Server.ServeHealthyStack().Route("/health/ready", Answer.Hanging());

        var run = await SmokeScript.Against(Server.BaseUrl)
            .Env("SMOKE_TIMEOUT", "1").Env("SMOKE_TOTAL_TIMEOUT", "3").Env("SMOKE_READY_ATTEMPTS", "10").RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "readiness").Should().Contain("not ready within the time bound").And.Contain("(timed out");
        run.ShouldReport("PASS", "api-vehicles");
        run.Elapsed.Should().BeLessThan(DidNotWaitForTheServer, "the total bound is 3 s, not the server's 5 minutes");
    }

    [Fact]
    public async Task Fails_within_its_bound_when_the_api_hangs()
    {
        Server.ServeHealthyStack().Route("/api/v1/vehicles", Answer.Hanging());

        // A total bound far above the request's: under load the earlier checks must not eat into the API's one second.
        var run = await SmokeScript.Against(Server.BaseUrl).Env("SMOKE_TIMEOUT", "1").Env("SMOKE_TOTAL_TIMEOUT", "60").RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("no answer within 1s (timed out");
        run.ShouldReport("PASS", "frontend-page");
        run.Elapsed.Should().BeLessThan(DidNotWaitForTheServer, "one request times out after 1 s, not the server's 5 minutes");
    }

    [Fact]
    public async Task Reports_the_checks_left_as_not_run_when_everything_hangs_past_the_bound()
    {
        Server.Fallback(Answer.Hanging());

        var run = await SmokeScript.Against(Server.BaseUrl).Env("SMOKE_TIMEOUT", "1").Env("SMOKE_TOTAL_TIMEOUT", "2").RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "readiness").Should().Contain("timed out");
        run.ShouldReport("FAIL", "frontend-page").Should().Contain("not run: the total time bound of 2s is used up");
        run.Elapsed.Should().BeLessThan(DidNotWaitForTheServer, "the total bound is 2 s, not the server's 5 minutes");
    }

    [Fact]
    public async Task Fails_every_check_when_the_connection_is_refused()
    {
        var closedPort = LocalServer.FreePort();

        var run = await SmokeScript.Against($"http://127.0.0.1:{closedPort}").RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "readiness").Should().Contain("not ready after 3 attempts").And.Contain("connection refused");
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("connection refused");
        run.ShouldReport("FAIL", "frontend-page").Should().Contain("connection refused");
        run.Stdout.Should().Contain("smoke: 0 passed, 3 failed");
    }
}
