using System.Diagnostics;
using Build.Tests.Support;
using Build.Tests.Tasks.Deploy.Support;
using static Build.Tests.Tasks.Deploy.Support.Expected;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The values the deploy stages pass exist in the chart: every helm upgrade the stand-in recorded is rendered by the
/// real helm (helm template, same chart, values files and --set/--set-string arguments).
/// </summary>
[Collection(DeployCollection.Name)]
[Trait("Requires", "helm")]
public sealed class DeployChartRenderTests
{
    private static readonly string RealHelm = Path.Combine(RepoPaths.Root, ".tools", "bin", "helm");

    [Fact]
    public async Task DeployProduction_EveryRecordedHelmUpgrade_RendersWithTheRealChartAndTheCommitShaImages()
    {
        using var scenario = new DeployScenario();
        scenario.Cluster.Release(Stable, "deployed", 3);

        var result = await scenario.RunAsync("Deploy-Production", "--confirm=Deploy-Production", "--probe-requests=10");

        result.ExitCode.Should().Be(0, result.ToString());
        var upgrades = scenario.Cluster.HelmArguments.Where(arguments => arguments[0] == "upgrade").ToList();
        upgrades.Should().HaveCount(4);
        foreach (var (arguments, weight) in upgrades.Zip(new int?[] { 10, 50, 100, null }))
        {
            var manifests = await TemplateAsync(arguments);
            manifests.Should().Contain($"image: \"ghcr.io/acme/sovd-backend:{DeployScenario.Sha}\"")
                .And.Contain($"image: \"ghcr.io/acme/sovd-frontend:{DeployScenario.Sha}\"");
            if (weight is { } canaryWeight)
            {
                // The canary release runs pods sized for its weight (3 production replicas); the stable release owns the route.
                manifests.Should().Contain("name: sovd-webapp-canary-backend").And.Contain("name: sovd-webapp-canary-frontend")
                    .And.Contain($"replicas: {(3 * canaryWeight + 99) / 100}").And.NotContain("kind: HTTPRoute");
            }
            else
            {
                manifests.Should().Contain("name: sovd-webapp-backend").And.NotContain("nginx.ingress.kubernetes.io/canary");
            }
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
