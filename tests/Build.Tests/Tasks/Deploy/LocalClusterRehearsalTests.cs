using Build.Tests.Support;
using Build.Tests.Tasks.Deploy.Support;

namespace Build.Tests.Tasks.Deploy;

/// <summary>
/// The README's rehearsal against a real kind/k3d cluster, with the real helm and kubectl. Needs the images in the
/// cluster's reach (SOVD_REHEARSAL_REGISTRY/OWNER, default 127.0.0.1:5000/sovd, or loaded with kind load docker-image)
/// and, for the smoke tests, an ingress controller answering SOVD_REHEARSAL_SMOKE_URL (default http://sovd.local,
/// pinned to 127.0.0.1 with --smoke-resolve).
/// </summary>
[Trait("Requires", "cluster")]
public sealed class LocalClusterRehearsalTests
{
    private const string Namespace = "sovd-rehearsal";

    [LocalClusterFact]
    public async Task DeployStaging_LocalCluster_Real_InstallsIntoAFreshNamespaceAndPassesTheSmokeTests()
    {
        var result = await RunAsync("Deploy-Staging", "--create-namespace");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"Cluster: context {LocalClusterFactAttribute.Context}").And.Contain("Cluster preflight passed");
        Expected.ReadRecord(Path.Combine(RepoPaths.Root, ".artifacts", "deploy-staging", "deployment.json")).GetProperty("outcome").GetString().Should().Be("succeeded");
    }

    [LocalClusterFact]
    public async Task DeployStaging_LocalClusterMissingNamespace_Real_StopsInThePreflightNamingTheFix()
    {
        var result = await RunAsync("Deploy-Staging", "--namespace=sovd-rehearsal-absent");

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("The namespace sovd-rehearsal-absent does not exist: create it with `kubectl create namespace sovd-rehearsal-absent");
    }

    [LocalClusterFact]
    public async Task KindRehearsal_LocalCluster_Real_StagingThenAGoodAFailingAndAnInterruptedCanaryEachEndOnStable()
    {
        var result = await ScriptAsync($"--context={LocalClusterFactAttribute.Context}");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("ok: the route sends to sovd-webapp-backend sovd-webapp-frontend ; no canary")
            .And.Contain("done: staging, a good canary, a failed one rolled back, an interrupted one repaired");
    }

    internal static async Task<HostResult> ScriptAsync(string argument)
    {
        var info = new System.Diagnostics.ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "kind-rehearsal.sh"), argument])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new HostResult(process.ExitCode, await output + await error);
    }

    private static Task<HostResult> RunAsync(string stage, params string[] extra)
    {
        var smokeUrl = Setting("SOVD_REHEARSAL_SMOKE_URL", "http://sovd.local");
        var port = new Uri(smokeUrl).Port;
        string[] arguments =
        [
            $"--target={stage}", "--exclusive", $"--kube-context={LocalClusterFactAttribute.Context}", $"--namespace={Namespace}",
            "--values=docs/rehearsal/values-kind.yaml", "--image-pull-secret=", $"--smoke-url={smokeUrl}",
            $"--smoke-resolve=sovd.local:{port}:127.0.0.1", $"--registry={Setting("SOVD_REHEARSAL_REGISTRY", "127.0.0.1:5000")}",
            $"--owner={Setting("SOVD_REHEARSAL_OWNER", "sovd")}", .. extra,
        ];
        var path = $"{Path.Combine(RepoPaths.Root, ".tools", "bin")}:{Environment.GetEnvironmentVariable("PATH")}";
        return HostRun.RunAsync(arguments, new Dictionary<string, string?> { ["PATH"] = path, ["KUBE_CONFIG_DATA"] = null }, TimeSpan.FromMinutes(15));
    }

    private static string Setting(string variable, string fallback) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : fallback;
}
