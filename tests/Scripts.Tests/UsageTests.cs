using Scripts.Tests.Support;

namespace Scripts.Tests;

[Trait("Tier", "process")]
public sealed class UsageTests
{
    [Fact]
    public async Task Exits_2_and_names_API_BASE_URL_when_it_is_missing()
    {
        var run = await SmokeScript.WithoutApiBaseUrl().RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain("API_BASE_URL is required").And.Contain("--api-base-url");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Prints_every_setting_with_help_and_exits_0()
    {
        var run = await SmokeScript.WithoutApiBaseUrl().Args("--help").RunAsync();

        run.ShouldExitWith(0);
        string[] settings =
        [
            "API_BASE_URL", "FRONTEND_URL", "API_TOKEN", "SMOKE_TIMEOUT", "SMOKE_TOTAL_TIMEOUT", "SMOKE_READY_ATTEMPTS",
            "SMOKE_READY_BACKOFF", "SMOKE_READY_BACKOFF_MAX", "SMOKE_PROBE_REQUESTS", "SMOKE_MAX_ERROR_RATE", "SMOKE_PROBE_PATH",
            "SMOKE_TRACE", "SMOKE_HEADER", "SMOKE_RESOLVE", "--api-base-url", "--frontend-url", "--api-token-file", "--header", "--resolve", "Exit status: 0",
        ];
        run.Stdout.Should().ContainAll(settings);
    }

    [Fact]
    public async Task Exits_2_naming_the_setting_when_a_timeout_is_not_a_number()
    {
        var run = await SmokeScript.Against("http://127.0.0.1:1").Env("SMOKE_TIMEOUT", "soon").RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain("SMOKE_TIMEOUT (--timeout) must be a number of seconds such as 10 or 2.5, got 'soon'");
    }

    [Fact]
    public async Task Exits_2_naming_the_setting_when_the_error_rate_is_above_100_percent()
    {
        var run = await SmokeScript.Against("http://127.0.0.1:1").Args("--max-error-rate", "150").RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain("SMOKE_MAX_ERROR_RATE (--max-error-rate) must be at most 100, got '150'");
    }

    [Fact]
    public async Task Exits_2_when_API_BASE_URL_is_not_an_http_url()
    {
        var run = await SmokeScript.Against("ftp://example.org").RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain("API_BASE_URL (--api-base-url) must be an http:// or https:// URL");
    }

    [Fact]
    public async Task Exits_2_on_an_unknown_option()
    {
        var run = await SmokeScript.Against("http://127.0.0.1:1").Args("--retries", "3").RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain("unknown option '--retries'");
    }

    [Fact]
    public async Task Exits_2_when_an_option_has_no_value()
    {
        var run = await SmokeScript.WithoutApiBaseUrl().Args("--api-base-url").RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain("option --api-base-url needs a value");
    }

    [Fact]
    public async Task Refuses_a_token_on_the_command_line_and_says_what_to_use_instead()
    {
        var run = await SmokeScript.Against("http://127.0.0.1:1").Args("--api-token=s3cret-cli").RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain("set API_TOKEN or use --api-token-file FILE").And.NotContain("s3cret-cli");
    }

    [Fact]
    public async Task Exits_2_and_says_how_to_install_jq_when_jq_is_missing()
    {
        var bin = Directory.CreateTempSubdirectory("smoke-bin-");
        try
        {
            foreach (var tool in new[] { "curl", "mktemp", "rm", "head", "tr", "sleep", "wc", "date" })
            {
                File.CreateSymbolicLink(Path.Combine(bin.FullName, tool), $"/usr/bin/{tool}");
            }

            var run = await SmokeScript.Against("http://127.0.0.1:1").Path(bin.FullName).RunAsync();

            run.ShouldExitWith(2);
            run.Stderr.Should().Contain("jq is required").And.Contain("apt-get install jq");
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }
}
