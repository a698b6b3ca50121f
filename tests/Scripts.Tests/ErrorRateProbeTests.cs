using Scripts.Tests.Support;

namespace Scripts.Tests;

/// <summary>The optional error-rate probe of rollout steps.</summary>
[Trait("Tier", "process")]
public sealed class ErrorRateProbeTests : IAsyncLifetime
{
    private FaultServer server = null!;

    public async Task InitializeAsync() => server = (await FaultServer.StartAsync()).ServeHealthyStack();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Passes_the_probe_when_every_request_succeeds()
    {
        var run = await SmokeScript.Against(server.BaseUrl).Env("SMOKE_PROBE_REQUESTS", "10").RunAsync();

        run.ShouldExitWith(0);
        run.ShouldReport("PASS", "error-rate").Should().Contain("0 of 10 failed (0.00%), limit 1%");
        server.CallsTo("/api/v1/vehicles").Should().Be(11, "one api check and 10 probe requests");
    }

    [Fact]
    public async Task Passes_ninety_requests_with_no_failure_allowed_and_says_a_five_percent_rate_passes_that_under_one_percent()
    {
        var run = await SmokeScript.Against(server.BaseUrl).Args("--probe-requests", "90", "--max-error-rate", "0").RunAsync();

        run.ShouldExitWith(0);
        run.ShouldReport("PASS", "error-rate").Should().Contain("0 of 90 failed (0.00%), limit 0%, max ")
            .And.EndWith("ms; a target failing 5% of requests would pass this with 0.99% (0.95^90)");
    }

    [Fact]
    public async Task Says_nothing_of_a_five_percent_rate_when_the_limit_allows_failures()
    {
        var run = await SmokeScript.Against(server.BaseUrl).Args("--probe-requests", "10", "--max-error-rate", "20").RunAsync();

        run.ShouldReport("PASS", "error-rate").Should().NotContain("would pass this");
    }

    [Fact]
    public async Task Fails_the_probe_when_the_share_of_errors_is_above_the_limit()
    {
        server.Route("/api/v1/vehicles", Answer.Json(SampleApp.VehiclesJson) with { FailEvery = 5 });

        var run = await SmokeScript.Against(server.BaseUrl).Env("SMOKE_PROBE_REQUESTS", "10").Env("SMOKE_MAX_ERROR_RATE", "10").RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "error-rate").Should()
            .Contain("2 of 10 failed (20.00%), limit 10%").And.Contain("""first error: HTTP 500; body: {"detail":"internal error"}""");
    }

    [Fact]
    public async Task Passes_the_probe_when_the_share_of_errors_is_at_the_limit()
    {
        server.Route("/api/v1/vehicles", Answer.Json(SampleApp.VehiclesJson) with { FailEvery = 5 });

        var run = await SmokeScript.Against(server.BaseUrl).Args("--probe-requests", "10", "--max-error-rate", "20").RunAsync();

        run.ShouldExitWith(0);
        run.ShouldReport("PASS", "error-rate").Should().Contain("2 of 10 failed (20.00%), limit 20%");
    }

    [Fact]
    public async Task Counts_timed_out_requests_as_errors()
    {
        server.Route("/api/v1/slow", Answer.Json("[]") with { Delay = TimeSpan.FromSeconds(3) });

        var run = await SmokeScript.Against(server.BaseUrl)
            .Env("SMOKE_PROBE_REQUESTS", "3").Env("SMOKE_PROBE_PATH", "/api/v1/slow").Env("SMOKE_TIMEOUT", "0.3").RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "error-rate").Should().Contain("3 of 3 failed (100.00%)").And.Contain("timed out");
    }
}
