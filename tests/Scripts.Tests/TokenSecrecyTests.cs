using Scripts.Tests.Support;

namespace Scripts.Tests;

/// <summary>The API token reaches the API and nothing else: not the output, not traces, not curl's command line.</summary>
[Trait("Tier", "process")]
public sealed class TokenSecrecyTests : IAsyncLifetime
{
    private const string Token = "sEcr3t-Tok3n.value_42";

    private FaultServer server = null!;

    public async Task InitializeAsync() => server = (await FaultServer.StartAsync()).ServeHealthyStack();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Never_prints_the_token_with_SMOKE_TRACE_on_even_when_the_server_echoes_it()
    {
        server.Route("/api/v1/vehicles", Answer.Json("""{"detail":"bad header {authorization}"}""", 500));

        var run = await SmokeScript.Against(server.BaseUrl).Env("API_TOKEN", Token).Env("SMOKE_TRACE", "1").RunAsync();

        run.ShouldExitWith(1);
        run.Stderr.Should().Contain("+ curl", "tracing must really be on for this test to mean anything");
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("""{"detail":"bad header Bearer [redacted]"}""");
        run.AllOutput.Should().NotContain(Token);
        server.AuthorizationSentTo("/api/v1/vehicles").Should().Equal($"Bearer {Token}");
    }

    [Fact]
    public async Task Never_prints_the_token_when_the_caller_runs_bash_with_xtrace()
    {
        server.Route("/api/v1/vehicles", Answer.Json("""{"detail":"invalid token {authorization}"}""", 401));

        var run = await SmokeScript.Against(server.BaseUrl).Env("API_TOKEN", Token).BashOption("-x").RunAsync();

        run.ShouldExitWith(1);
        run.Stderr.Should().Contain("+ curl");
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("authentication failed (HTTP 401): the API rejected API_TOKEN");
        run.AllOutput.Should().NotContain(Token);
    }

    [Fact]
    public async Task Never_prints_a_token_with_quotes_in_it_when_tracing()
    {
        const string quoted = "ab'cd\"Quoted'Tok";
        server.Route("/api/v1/vehicles", Answer.Json("""{"detail":"{authorization}"}""", 500));

        var run = await SmokeScript.Against(server.BaseUrl).Env("API_TOKEN", quoted).BashOption("-x").RunAsync();

        run.ShouldExitWith(1);
        run.Stderr.Should().Contain("+ curl", "tracing must really be on for this test to mean anything");
        server.AuthorizationSentTo("/api/v1/vehicles").Should().Equal([$"Bearer {quoted}"],
            "the token must have reached the API, else an early exit would pass this test");
        run.ShouldReport("FAIL", "api-vehicles").Should().Contain("Bearer [redacted]");
        run.AllOutput.Should().NotContain("cd\"Quoted").And.NotContain("Quoted'Tok");
    }

    [Fact]
    public async Task Keeps_the_token_off_the_curl_command_line()
    {
        var bin = Directory.CreateTempSubdirectory("smoke-curl-");
        try
        {
            var log = Path.Combine(bin.FullName, "argv.log");
            var wrapper = Path.Combine(bin.FullName, "curl");
            await File.WriteAllTextAsync(wrapper, $"#!/bin/bash\nprintf '%s\\n' \"$*\" >> '{log}'\nexec /usr/bin/curl \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var run = await SmokeScript.Against(server.BaseUrl).Env("API_TOKEN", Token)
                .Path($"{bin.FullName}:{Environment.GetEnvironmentVariable("PATH")}").RunAsync();

            run.ShouldExitWith(0);
            var commandLines = await File.ReadAllTextAsync(log);
            commandLines.Should().Contain("/api/v1/vehicles").And.NotContain(Token);
            server.AuthorizationSentTo("/api/v1/vehicles").Should().Equal($"Bearer {Token}");
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Reads_the_token_from_the_file_given_with_api_token_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, Token + "\n");
            server.Route("/api/v1/vehicles", Answer.Json(SampleApp.VehiclesJson) with { RequiredBearer = Token });

            var run = await SmokeScript.Against(server.BaseUrl).Args("--api-token-file", file).RunAsync();

            run.ShouldExitWith(0);
            server.AuthorizationSentTo("/api/v1/vehicles").Should().Equal($"Bearer {Token}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Exits_2_without_showing_it_when_the_token_has_a_line_break()
    {
        var run = await SmokeScript.Against(server.BaseUrl).Env("API_TOKEN", "line1-secret\nInjected: yes").RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain("API_TOKEN contains a line break").And.NotContain("line1-secret");
        server.CallsTo("/api/v1/vehicles").Should().Be(0);
    }
}
