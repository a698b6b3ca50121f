using System.Text.Json;
using Build.Tests.Security;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Containers;

/// <summary>trivy is not obtainable here: these run the real stage with a recording trivy stand-in, on the real images.</summary>
[Collection(ContainerCollection.Name)]
[Trait("Requires", "docker")]
public sealed class SecurityImagesStandInTests(ContainerFixture fixture)
{
    private static readonly string Reports = TestArtifacts.Of(SovdPipeline.ImageScanReports);

    [Fact]
    public async Task SecurityImages_TrivyStandInCleanImages_PassesWithOneCategorisedSarifPerImage()
    {
        fixture.ShouldHaveBuilt();
        using var trivy = new TrivyStandIn(TrivyMode.Scans);

        var run = await Run(trivy);

        run.ExitCode.Should().Be(0, run.Output);
        trivy.Calls.Should().Contain(call => call.Contains("--severity CRITICAL --format json", StringComparison.Ordinal)
            && call.Contains("--ignore-unfixed", StringComparison.Ordinal) && call.EndsWith($"{fixture.BackendImage}:{fixture.Sha}", StringComparison.Ordinal));
        trivy.Calls.Should().Contain(call => call.EndsWith($"{fixture.FrontendImage}:{fixture.Sha}", StringComparison.Ordinal));
        foreach (var name in new[] { "sovd-backend", "sovd-frontend" })
        {
            using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Reports, $"{name}.sarif")));
            sarif.RootElement.GetProperty("runs")[0].GetProperty("automationDetails").GetProperty("id").GetString()
                .Should().Be($"image-scan/{name}/", "each image gets its own code-scanning category");
        }
    }

    [Fact]
    public async Task SecurityImages_TrivyStandInRecordedReportNewCritical_FailsNamingItAndStillScansTheOther()
    {
        fixture.ShouldHaveBuilt();
        using var trivy = new TrivyStandIn(TrivyMode.Scans, criticalIn: "sovd-backend");

        var run = await Run(trivy);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("Trivy sovd-backend found 1 new finding(s) not in the triage file: CVE-2099-0001 in libexample1")
            .And.Contain("Trivy sovd-frontend: 0 new, 0 triaged")
            .And.NotContain("CVE-2023-45853", "zlib1g's finding has no fix and --ignore-unfixed is the default");
        trivy.Calls.Should().Contain(call => call.EndsWith($"{fixture.FrontendImage}:{fixture.Sha}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecurityImages_TrivyStandInRecordedReportCriticalTriaged_PassesListingIt()
    {
        fixture.ShouldHaveBuilt();
        using var trivy = new TrivyStandIn(TrivyMode.Scans, criticalIn: "sovd-backend");
        using var triage = ScannerReports.Triage(("CVE-2099-0001", "libexample1", ScannerReports.Future));

        var run = await Run(trivy, triage.Argument);

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("Trivy sovd-backend: 0 new, 1 triaged").And.Contain("triaged: CVE-2099-0001 in libexample1 (Trivy, CRITICAL)");
    }

    [Fact]
    public async Task SecurityImages_TrivyStandInUnfixedReported_FailsOnTheUnfixedFindingToo()
    {
        fixture.ShouldHaveBuilt();
        using var trivy = new TrivyStandIn(TrivyMode.Scans, criticalIn: "sovd-backend");
        using var triage = ScannerReports.Triage(("CVE-2099-0001", "libexample1", ScannerReports.Future));

        var run = await Run(trivy, triage.Argument, "--ignore-unfixed=false");

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("CVE-2023-45853 in zlib1g (Trivy, CRITICAL)").And.Contain("status will_not_fix");
        trivy.Calls.Should().NotContain(call => call.Contains("--ignore-unfixed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecurityImages_ExpiredTriageEntry_FailsNamingTheEntryBeforeScanning()
    {
        fixture.ShouldHaveBuilt();
        using var trivy = new TrivyStandIn(TrivyMode.Scans, criticalIn: "sovd-backend");
        using var triage = ScannerReports.Triage(("CVE-2099-0001", "libexample1", ScannerReports.Past));

        var run = await Run(trivy, triage.Argument);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("entry 1 (CVE-2099-0001 in libexample1) expired on 2026-01-31");
        trivy.Calls.Should().NotContain(call => call.StartsWith("trivy image", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecurityImages_TrivyStandInDatabaseUnreachable_FailsWithThatReasonInsteadOfPassing()
    {
        fixture.ShouldHaveBuilt();
        using var trivy = new TrivyStandIn(TrivyMode.DatabaseUnreachable);

        var run = await Run(trivy);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("vulnerability database unreachable").And.Contain("no such host");
        trivy.Calls.Should().NotContain(call => call.Contains("--format table", StringComparison.Ordinal), "a scan that checked nothing shows no table");
    }

    [Fact]
    public async Task SecurityImages_TrivyStandInImagesNotInTheEngine_LoadsThemFromTheImagesArtifactFirst()
    {
        fixture.ShouldHaveBuilt();
        using var trivy = new TrivyStandIn(TrivyMode.Scans);
        // A CI job starts on a fresh runner: the images exist only in the downloaded artifact.
        var untag = await Command.Docker("rmi", $"{fixture.BackendImage}:{fixture.Sha}", $"{fixture.FrontendImage}:{fixture.Sha}");
        untag.ExitCode.Should().Be(0, untag.Error);

        var run = await Run(trivy);

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("Loading ").And.Contain("sovd-images.tar");
        (await Command.Docker("image", "inspect", $"{fixture.BackendImage}:{fixture.Sha}", $"{fixture.FrontendImage}:{fixture.Sha}")).ExitCode
            .Should().Be(0, "the stage loaded both images back");
    }

    private Task<HostResult> Run(TrivyStandIn trivy, params string[] arguments) =>
        HostRun.RunAsync([.. fixture.Arguments("Security-Images"), .. arguments], new Dictionary<string, string?> { ["PATH"] = trivy.PathWithStandIn }, TimeSpan.FromMinutes(3));
}
