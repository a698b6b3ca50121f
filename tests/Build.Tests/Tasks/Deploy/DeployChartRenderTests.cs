using System.Diagnostics;
using Build.Tests.Support;
using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.Support.Expected;
using Pipeline.Tests.Shared;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The values the deploy stages pass exist in the chart: every helm upgrade the stand-in recorded is rendered by the
/// real helm (helm template, same chart, values files and --set/--set-string arguments).
/// </summary>
[Trait("Requires", "helm")]
public sealed class DeployChartRenderTests
{
    private static readonly string RealHelm = Path.Combine(RepoPaths.Root, ".tools", "bin", "helm");

    [Theory]
    [InlineData("gateway")]
    [InlineData("ingress-nginx")]
    public async Task DeployProduction_EveryRecordedHelmUpgrade_RendersTheCanaryAndTheRouteReleaseInTheChartsOrder(string provider)
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 3);

        var result = await scenario.RunAsync("Deploy-Production", "--confirm=Deploy-Production", "--probe-requests=10", $"--set=traffic.provider={provider}");

        result.ExitCode.Should().Be(0, result.ToString());
        var upgrades = scenario.Cluster.HelmArguments.Where(arguments => arguments[0] == "upgrade").ToList();
        upgrades.Should().HaveCount(9);
        // The handover: the route release renders stable's traffic objects, named after stable, and nothing else.
        var handover = await TemplateAsync(upgrades[0]);
        ShouldBeRouteOnly(handover, provider);
        handover.Should().NotContain("sovd-webapp-canary");
        for (var step = 0; step < 3; step++)
        {
            var weight = new[] { 10, 50, 100 }[step];
            // The canary release: new images, pods sized by the chart for the weight (3 production replicas), no route.
            var canary = await TemplateAsync(upgrades[1 + 2 * step]);
            canary.Should().Contain("name: sovd-webapp-canary-backend").And.Contain(Image("backend", DeployScenario.Sha))
                .And.Contain($"replicas: {(3 * weight + 99) / 100}").And.NotContain("kind: HTTPRoute").And.NotContain("kind: Ingress");
            // The route release moves the weight and the header; it renders no workload, so stable's are untouched.
            var route = await TemplateAsync(upgrades[2 + 2 * step]);
            ShouldBeRouteOnly(route, provider);
            ShouldRouteToTheCanary(route, provider, weight);
        }
        // Promotion: stable gets the new images and no traffic objects of its own; then the route comes back to it.
        var promote = await TemplateAsync(upgrades[7]);
        promote.Should().Contain(Image("frontend", DeployScenario.Sha)).And.NotContain("kind: HTTPRoute").And.NotContain("kind: Ingress");
        var routeBack = await TemplateAsync(upgrades[8]);
        ShouldBeRouteOnly(routeBack, provider);
        routeBack.Should().NotContain("name: sovd-webapp-canary-backend", "no route names the canary before it is uninstalled")
            .And.NotContain("nginx.ingress.kubernetes.io/canary");
    }

    private static void ShouldBeRouteOnly(string manifests, string provider)
    {
        manifests.Should().NotContain("kind: Deployment").And.NotContain("kind: Service\n").And.NotContain("kind: PodDisruptionBudget")
            .And.Contain("name: sovd-webapp-backend", "the route sends to stable's Services");
        manifests.Should().Contain(provider == "gateway" ? "kind: HTTPRoute\nmetadata:\n  name: sovd-webapp\n" : "kind: Ingress\nmetadata:\n  name: sovd-webapp\n");
    }

    private static string Image(string component, string sha) => $"image: \"ghcr.io/acme/sovd-{component}:{sha}\"";

    private static void ShouldRouteToTheCanary(string manifests, string provider, int weight)
    {
        if (provider == "gateway")
        {
            manifests.Should().Contain("kind: HTTPRoute").And.Contain("name: sovd-webapp-canary-backend").And.Contain($"weight: {weight}")
                .And.Contain("name: X-Canary");
        }
        else
        {
            manifests.Should().Contain("name: sovd-webapp-canary-split").And.Contain($"nginx.ingress.kubernetes.io/canary-weight: \"{weight}\"")
                .And.Contain("nginx.ingress.kubernetes.io/canary-by-header: \"X-Canary\"").And.NotContain("kind: HTTPRoute");
        }
    }

    [Fact]
    public async Task DeployStaging_RecordedHelmUpgradeWithImagesJson_RendersTheDigestImages()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 3);
        scenario.WriteImagesFile(ImagesJson.Sample);

        var result = await scenario.RunAsync("Deploy-Staging");

        result.ExitCode.Should().Be(0, result.ToString());
        var manifests = await TemplateAsync(scenario.Cluster.HelmArguments.Single(arguments => arguments[0] == "upgrade"));
        manifests.Should().Contain($"image: \"ghcr.io/acme/sovd-backend@{ImagesJson.BackendDigest}\"")
            .And.Contain($"image: \"ghcr.io/acme/sovd-frontend@{ImagesJson.FrontendDigest}\"")
            .And.Contain("- \"sovd-staging.example.com\"");
    }

    /// <summary>helm template with the upgrade's own arguments, minus what only an install against a cluster takes.</summary>
    private static async Task<string> TemplateAsync(string[] upgrade)
    {
        File.Exists(RealHelm).Should().BeTrue($"helm is needed at {RealHelm}: run scripts/install-helm.sh");
        var info = new ProcessStartInfo(RealHelm) { RedirectStandardOutput = true, RedirectStandardError = true };
        HermeticEnvironment.Apply(info.Environment);
        info.ArgumentList.Add("template");
        var skipNext = false;
        foreach (var argument in upgrade.Skip(1))
        {
            if (skipNext)
            {
                skipNext = false;
            }
            else if (argument is "--timeout" or "-n")
            {
                skipNext = true;
            }
            else if (argument is not ("--install" or "--wait" or "--atomic" or "--rollback-on-failure"))
            {
                info.ArgumentList.Add(argument);
            }
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"helm {string.Join(' ', info.ArgumentList)} failed:\n{error}");
        return await output;
    }
}
