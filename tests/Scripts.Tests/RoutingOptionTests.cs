using Scripts.Tests.Support;

namespace Scripts.Tests;

/// <summary>
/// --header and --resolve: how a deploy reaches only the canary (a routing header on every request) and how a
/// laptop reaches a local cluster (a host name pinned to an address, a Host header).
/// </summary>
[Trait("Tier", "process")]
public sealed class RoutingOptionTests : FaultServerTest
{
    [Fact]
    public async Task Header_is_sent_on_every_request_including_the_probe()
    {
        Server.ServeHealthyStack();

        var run = await SmokeScript.Against(Server.BaseUrl)
            .Args("--header", "X-Canary: always", "--probe-requests", "3").RunAsync();

        run.ShouldExitWith(0);
        foreach (var path in new[] { "/health/ready", "/api/v1/vehicles", "/", SampleApp.AssetPath })
        {
            Server.HeaderSentTo(path, "X-Canary").Should().NotBeEmpty().And.OnlyContain(value => value == "always", path);
        }
        Server.HeaderSentTo("/api/v1/vehicles", "X-Canary").Should().HaveCount(4, "one check and three probe requests");
        run.Stdout.Should().Contain("smoke: extra headers: X-Canary: always");
    }

    [Fact]
    public async Task Header_option_is_repeatable_and_SMOKE_HEADER_adds_one()
    {
        Server.ServeHealthyStack();

        var run = await SmokeScript.Against(Server.BaseUrl).Env("SMOKE_HEADER", "X-From-Env: 1")
            .Args("--header=X-Canary: always", "--header", "X-Trace: smoke").RunAsync();

        run.ShouldExitWith(0);
        Server.HeaderSentTo("/", "X-From-Env").Should().Equal("1");
        Server.HeaderSentTo("/", "X-Canary").Should().Equal("always");
        Server.HeaderSentTo("/", "X-Trace").Should().Equal("smoke");
    }

    [Fact]
    public async Task Resolve_pins_a_host_name_to_an_address_and_the_Host_header_carries_the_name()
    {
        Server.ServeHealthyStack();
        var port = new Uri(Server.BaseUrl).Port;

        var run = await SmokeScript.Against($"http://sovd.local.invalid:{port}")
            .Args("--resolve", $"sovd.local.invalid:{port}:127.0.0.1").RunAsync();

        run.ShouldExitWith(0);
        Server.HeaderSentTo("/health/ready", "Host").Should().OnlyContain(host => host == $"sovd.local.invalid:{port}");
        run.Stdout.Should().Contain($"smoke: resolving sovd.local.invalid:{port}:127.0.0.1");
    }

    [Fact]
    public async Task Host_header_overrides_the_host_of_the_url()
    {
        Server.ServeHealthyStack();

        var run = await SmokeScript.Against(Server.BaseUrl).Args("--header", "Host: sovd.local").RunAsync();

        run.ShouldExitWith(0);
        Server.HeaderSentTo("/", "Host").Should().Equal("sovd.local");
    }

    [Theory]
    [InlineData("Authorization: Bearer abc")]
    [InlineData("cookie: session=abc")]
    public async Task Exits_2_when_a_header_would_put_a_credential_on_the_command_line(string header)
    {
        var run = await SmokeScript.Against(Server.BaseUrl).Args("--header", header).RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain("is not accepted (a command line is visible to other processes): set API_TOKEN or use --api-token-file FILE");
        Server.CallsTo("/health/ready").Should().Be(0);
    }

    [Theory]
    [InlineData("--header", "no colon here", "SMOKE_HEADER (--header) must look like 'Name: value'")]
    [InlineData("--resolve", "sovd.local:443", "SMOKE_RESOLVE (--resolve) must be HOST:PORT:ADDRESS such as sovd.local:443:127.0.0.1, got 'sovd.local:443'")]
    public async Task Exits_2_naming_the_option_when_its_value_is_malformed(string option, string value, string message)
    {
        var run = await SmokeScript.Against(Server.BaseUrl).Args(option, value).RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain(message);
    }
}
