using System.Globalization;
using System.Text.RegularExpressions;
using Scripts.Tests.Support;

namespace Scripts.Tests;

/// <summary>The script against the real sample backend (Python, FastAPI, uvicorn); the frontend comes from the test server.</summary>
[Trait("Requires", "python")]
public sealed class SampleBackendTests(SampleBackendWithToken backendWithToken) : IAsyncLifetime, IClassFixture<SampleBackendWithToken>
{
    private const string Token = SampleBackendWithToken.Token;

    private FaultServer frontend = null!;

    public async Task InitializeAsync() => frontend = (await FaultServer.StartAsync()).ServeFrontend();

    public async Task DisposeAsync() => await frontend.DisposeAsync();

    [Fact]
    public async Task Python_sample_backend_passes_every_check_with_its_token_and_the_error_rate_probe()
    {
        var backend = backendWithToken.Backend;

        var run = await SmokeScript.Against(backend.BaseUrl).Env("FRONTEND_URL", frontend.BaseUrl)
            .Env("API_TOKEN", Token).Env("SMOKE_PROBE_REQUESTS", "10").Env("SMOKE_MAX_ERROR_RATE", "0").RunAsync();

        run.ShouldExitWith(0);
        run.ShouldReport("PASS", "readiness");
        run.ShouldReport("PASS", "api-vehicles").Should().Contain("JSON array with");
        run.ShouldReport("PASS", "frontend-asset");
        run.ShouldReport("PASS", "error-rate").Should().Contain("0 of 10 failed");
        run.AllOutput.Should().NotContain(Token);
    }

    [Fact]
    public async Task Python_sample_backend_fails_authentication_without_the_token()
    {
        var backend = backendWithToken.Backend;

        var run = await SmokeScript.Against(backend.BaseUrl).Env("FRONTEND_URL", frontend.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("PASS", "readiness");
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("authentication failed (HTTP 401): no API_TOKEN was given");
    }

    [Fact]
    public async Task Python_sample_backend_fails_authentication_with_a_wrong_token_and_never_prints_it()
    {
        var backend = backendWithToken.Backend;

        var run = await SmokeScript.Against(backend.BaseUrl).Env("FRONTEND_URL", frontend.BaseUrl)
            .Env("API_TOKEN", "wrong-t0ken-value").Env("SMOKE_TRACE", "1").RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("the API rejected API_TOKEN");
        run.AllOutput.Should().NotContain("wrong-t0ken-value");
    }

    [Fact]
    public async Task Python_sample_backend_is_waited_for_while_it_answers_503_starting()
    {
        // The backend's readiness delay runs from its start; it is long enough that even on a loaded machine the script's
        // first attempt meets 503, and the attempts (up to 60, 0.5 s apart) outlast it.
        await using var backend = await SampleBackend.StartAsync(readyDelaySeconds: 8);

        var run = await SmokeScript.Against(backend.BaseUrl).Env("FRONTEND_URL", frontend.BaseUrl)
            .Env("SMOKE_READY_ATTEMPTS", "60").Env("SMOKE_READY_BACKOFF", "0.2").Env("SMOKE_READY_BACKOFF_MAX", "0.5").RunAsync();

        run.ShouldExitWith(0);
        var attempt = Regex.Match(run.ShouldReport("PASS", "readiness"), @"ready \(attempt (\d+) of 60,");
        attempt.Success.Should().BeTrue("the readiness line names the attempt that found the backend ready");
        int.Parse(attempt.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeGreaterThan(1, "the backend answered 503 at first");
    }

    [Fact]
    public async Task Python_sample_backend_that_never_gets_ready_fails_readiness_with_its_503_body()
    {
        await using var backend = await SampleBackend.StartAsync(readyDelaySeconds: 600);

        var run = await SmokeScript.Against(backend.BaseUrl).Env("FRONTEND_URL", frontend.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "readiness").Should().Contain(" 503 ").And.Contain("""body: {"status":"starting"}""");
        run.ShouldReport("PASS", "api-vehicles");
    }
}
