using System.Text.Json;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;

namespace Build.Tests.Tasks.Containers;

/// <summary>trivy is not obtainable here: these run the real stage with a recording trivy stand-in, on the real images.</summary>
[Collection(ContainerCollection.Name)]
[Trait("Requires", "docker")]
public sealed class SecurityImagesStandInTests(ContainerFixture fixture)
{
    private static readonly string Reports = Path.Combine(RepoPaths.Root, ".artifacts", "image-scan");

    [Fact]
    public async Task SecurityImages_TrivyStandInCleanImages_PassesWithOneCategorisedSarifPerImage()
    {
        fixture.ShouldHaveBuilt();
        using var trivy = new TrivyStandIn(TrivyMode.Scans);

        var run = await Run(trivy);

        run.ExitCode.Should().Be(0, run.Output);
        trivy.Calls.Should().Contain(call => call.Contains($"--severity CRITICAL --exit-code 1 --format sarif", StringComparison.Ordinal)
            && call.EndsWith($"{fixture.BackendImage}:{fixture.Sha}", StringComparison.Ordinal));
        trivy.Calls.Should().Contain(call => call.EndsWith($"{fixture.FrontendImage}:{fixture.Sha}", StringComparison.Ordinal));
        foreach (var name in new[] { "sovd-backend", "sovd-frontend" })
        {
            using var sarif = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Reports, $"{name}.sarif")));
            sarif.RootElement.GetProperty("runs")[0].GetProperty("automationDetails").GetProperty("id").GetString()
                .Should().Be($"image-scan/{name}/", "each image gets its own code-scanning category");
        }
    }

    [Fact]
    public async Task SecurityImages_TrivyStandInCriticalFinding_FailsNamingTheImageAndStillScansTheOther()
    {
        fixture.ShouldHaveBuilt();
        using var trivy = new TrivyStandIn(TrivyMode.Scans, criticalIn: "sovd-backend");

        var run = await Run(trivy);

        run.ExitCode.Should().NotBe(0);
        run.Output.Should().Contain("sovd-backend: CRITICAL vulnerabilities").And.Contain("CVE-2099-0001").And.NotContain("sovd-frontend: CRITICAL");
        trivy.Calls.Should().Contain(call => call.EndsWith($"{fixture.FrontendImage}:{fixture.Sha}", StringComparison.Ordinal));
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

    private Task<HostResult> Run(TrivyStandIn trivy) =>
        HostRun.RunAsync(fixture.Arguments("Security-Images"), new Dictionary<string, string?> { ["PATH"] = trivy.PathWithStandIn }, TimeSpan.FromMinutes(3));
}
