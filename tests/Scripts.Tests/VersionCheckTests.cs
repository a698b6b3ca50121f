using Scripts.Tests.Support;

namespace Scripts.Tests;

/// <summary>
/// --expect-version / --allow-version: which build answered, read from X-App-Version on every answer. A canary-only
/// pass accepts only the new build, a weighted pass reports the share of new and old and refuses a third build.
/// </summary>
[Trait("Tier", "process")]
public sealed class VersionCheckTests : FaultServerTest
{
    private const string New = "4f1c2b9e7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d0e";
    private const string Old = "0a1b2c3d4e5f6a7b8c9d0e4f1c2b9e7d3a5c6e8f";

    private void Serve(string[] vehicles, string[]? asset = null)
    {
        Server.Route("/health/ready", Answer.Json(SampleApp.ReadyJson) with { Versions = [New] })
            .Route("/api/v1/vehicles", Answer.Json(SampleApp.VehiclesJson) with { Versions = vehicles })
            .Route("/", Answer.Html(SampleApp.IndexHtml) with { Versions = [New] })
            .Route(SampleApp.AssetPath, Answer.JavaScript("export{};") with { Versions = asset ?? [New] });
    }

    [Fact]
    public async Task Expect_version_passes_when_every_answer_including_the_probe_names_the_build()
    {
        Serve([New]);

        var run = await SmokeScript.Against(Server.BaseUrl).Args("--expect-version", New, "--probe-requests", "3").RunAsync();

        run.ShouldExitWith(0);
        run.ShouldReport("PASS", "version").Should().EndWith($"all 7 answers from build {New}");
        run.Stdout.Should().Contain($"smoke: expecting build {New} in X-App-Version");
    }

    [Fact]
    public async Task Expect_version_fails_on_one_answer_from_the_stable_build_naming_the_request_and_the_build()
    {
        Serve([New], asset: [Old]);

        var run = await SmokeScript.Against(Server.BaseUrl).Args("--header", "X-Canary: always", "--expect-version", New).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "version").Should().EndWith(
            $"1 of 4 answers came from another build (expected build {New}); first: GET {Server.BaseUrl}{SampleApp.AssetPath} (HTTP 200) answered by build {Old}");
        run.ShouldReport("PASS", "frontend-asset");
    }

    [Fact]
    public async Task Expect_version_fails_on_a_successful_answer_that_names_no_build()
    {
        Serve([New]);
        Server.Route("/api/v1/vehicles", Answer.Json(SampleApp.VehiclesJson));

        var run = await SmokeScript.Against(Server.BaseUrl).Args("--expect-version", New).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "version").Should().EndWith(
            $"first: GET {Server.BaseUrl}/api/v1/vehicles (HTTP 200) answered by build (no X-App-Version header)");
    }

    [Fact]
    public async Task Allow_version_reports_the_measured_share_of_new_and_old()
    {
        // The vehicles path alternates new, old: the check and 4 probe requests give 3 new and 2 old.
        Serve([New, Old]);

        var run = await SmokeScript.Against(Server.BaseUrl)
            .Args("--expect-version", New, "--allow-version", Old, "--probe-requests", "4").RunAsync();

        run.ShouldExitWith(0);
        run.ShouldReport("PASS", "version").Should().EndWith($"8 answers: 6 from {New} (75.0%), 2 from {Old} (25.0%)");
    }

    [Fact]
    public async Task Allow_version_still_fails_on_a_third_build()
    {
        Serve([New, "ffffffffffffffffffffffffffffffffffffffff"]);

        var run = await SmokeScript.Against(Server.BaseUrl)
            .Env("SMOKE_EXPECT_VERSION", New).Env("SMOKE_ALLOW_VERSION", Old).Args("--probe-requests", "2").RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "version").Should().Contain($"1 of 6 answers came from another build (expected build {New} or {Old})")
            .And.EndWith("answered by build ffffffffffffffffffffffffffffffffffffffff");
    }

    [Fact]
    public async Task Allow_unnamed_counts_answers_without_the_header_as_the_old_build_of_a_weighted_pass()
    {
        // A stable build from before X-App-Version: its answers name no build.
        Serve([New]);
        Server.Route("/api/v1/vehicles", Answer.Json(SampleApp.VehiclesJson));

        var run = await SmokeScript.Against(Server.BaseUrl)
            .Args("--expect-version", New, "--allow-version", Old, "--allow-unnamed", "--probe-requests", "1").RunAsync();

        run.ShouldExitWith(0);
        run.ShouldReport("PASS", "version").Should().EndWith($"5 answers: 3 from {New} (60.0%), 0 from {Old} (0.0%), 2 unnamed (40.0%)");
    }

    [Theory]
    [InlineData(new[] { "--expect-version", New, "--allow-unnamed" }, "--allow-unnamed (SMOKE_ALLOW_UNNAMED) needs --allow-version (SMOKE_ALLOW_VERSION): only a weighted pass may meet the old build")]
    [InlineData(new[] { "--allow-version", Old }, "SMOKE_ALLOW_VERSION (--allow-version) needs SMOKE_EXPECT_VERSION (--expect-version): the build that must answer")]
    [InlineData(new[] { "--expect-version", "not a sha" }, "SMOKE_EXPECT_VERSION (--expect-version) must be a commit SHA (letters, digits, '.', '_', '-'; at most 64), got 'not a sha'")]
    [InlineData(new[] { "--expect-version", New, "--allow-version", New }, $"SMOKE_ALLOW_VERSION (--allow-version) is the same build as SMOKE_EXPECT_VERSION ('{New}'); give the other build, or leave it out")]
    public async Task Exits_2_on_bad_version_settings_before_any_request(string[] arguments, string message)
    {
        var run = await SmokeScript.Against(Server.BaseUrl).Args(arguments).RunAsync();

        run.ShouldExitWith(2);
        run.Stderr.Should().Contain(message);
        Server.CallsTo("/health/ready").Should().Be(0);
    }

    [Fact]
    [Trait("Requires", "python")]
    public async Task Python_sample_backend_names_its_build_on_every_answer()
    {
        await using var backend = await SampleBackend.StartAsync(appVersion: New);
        Server.ServeFrontend();
        Server.Route("/", Answer.Html(SampleApp.IndexHtml) with { Versions = [New] })
            .Route(SampleApp.AssetPath, Answer.JavaScript("export{};") with { Versions = [New] });

        var passing = await SmokeScript.Against(backend.BaseUrl).Env("FRONTEND_URL", Server.BaseUrl)
            .Args("--expect-version", New, "--probe-requests", "5").RunAsync();
        var other = await SmokeScript.Against(backend.BaseUrl).Env("FRONTEND_URL", Server.BaseUrl).Args("--expect-version", Old).RunAsync();

        passing.ShouldExitWith(0);
        passing.ShouldReport("PASS", "version").Should().EndWith($"all 9 answers from build {New}");
        other.ShouldExitWith(1);
        other.ShouldReport("FAIL", "version").Should().Contain($"answered by build {New}");
    }
}
