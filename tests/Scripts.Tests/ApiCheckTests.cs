using Scripts.Tests.Support;

namespace Scripts.Tests;

/// <summary>The vehicles API check: HTTP 200 with a JSON array, with the bearer token when given.</summary>
[Trait("Tier", "process")]
public sealed class ApiCheckTests : FaultServerTest
{
    [Fact]
    public async Task Fails_when_the_api_answers_500_and_shows_the_status_and_body()
    {
        Server.ServeHealthyStack().Route("/api/v1/vehicles", Answer.Json("""{"detail":"database unavailable"}""", 500));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "api-vehicles").Should()
            .Contain(" 500 ").And.Contain("""expected HTTP 200, got 500; body: {"detail":"database unavailable"}""");
        run.Stdout.Should().Contain("smoke: 3 passed, 1 failed");
    }

    [Fact]
    public async Task Fails_when_the_api_answers_an_html_page_with_200()
    {
        Server.ServeHealthyStack().Route("/api/v1/vehicles", Answer.Html("<html><body>Sign in</body></html>"));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("expected a JSON answer, got Content-Type 'text/html");
    }

    [Fact]
    public async Task Fails_when_the_api_answers_json_that_is_not_an_array()
    {
        Server.ServeHealthyStack().Route("/api/v1/vehicles", Answer.Json("""{"items":[]}"""));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("expected a JSON array of vehicles");
    }

    [Fact]
    public async Task Fails_when_the_api_answers_invalid_json()
    {
        Server.ServeHealthyStack().Route("/api/v1/vehicles", Answer.Json("[{\"vehicle_id\":"));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("the body is not valid JSON");
    }

    [Fact]
    public async Task Fails_saying_authentication_failed_when_the_api_needs_a_token_and_none_is_given()
    {
        Server.ServeHealthyStack().Route("/api/v1/vehicles", Answer.Json(SampleApp.VehiclesJson) with { RequiredBearer = "t0ken-123" });

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("authentication failed (HTTP 401): no API_TOKEN was given");
    }

    [Fact]
    public async Task Passes_with_the_bearer_token_when_the_api_needs_one()
    {
        Server.ServeHealthyStack().Route("/api/v1/vehicles", Answer.Json(SampleApp.VehiclesJson) with { RequiredBearer = "t0ken-123" });

        var run = await SmokeScript.Against(Server.BaseUrl).Env("API_TOKEN", "t0ken-123").RunAsync();

        run.ShouldExitWith(0);
        run.Stdout.Should().Contain("token given");
        Server.AuthorizationSentTo("/api/v1/vehicles").Should().Equal("Bearer t0ken-123");
        Server.AuthorizationSentTo("/").Should().ContainSingle().Which.Should().BeEmpty("the token is for the API only");
    }

    [Fact]
    public async Task Fails_saying_authentication_failed_when_the_api_rejects_the_token()
    {
        Server.ServeHealthyStack().Route("/api/v1/vehicles", Answer.Json("""{"detail":"Forbidden"}""", 403));

        var run = await SmokeScript.Against(Server.BaseUrl).Env("API_TOKEN", "t0ken-123").RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("authentication failed (HTTP 403): the API rejected API_TOKEN");
    }
}
