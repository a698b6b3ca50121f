using System.Text;
using System.Text.Json;
using Build.Tests.Support;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// One deploy run of the real host: helm and kubectl stand-ins first on PATH, the real smoke script against a
/// <see cref="FakeWebApp"/>, and the two deploy secrets set to values that must never show up in the output.
/// </summary>
public sealed class DeployScenario : IDisposable
{
    public const string Sha = "0123456789abcdef0123456789abcdef01234567";
    public const string Owner = "acme";
    public const string KubeConfigSecret = "kube-token-7f3a9c";
    public const string SmokeToken = "smoke-token-91c2e4";

    public static readonly string KubeConfig = $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: test
          cluster:
            server: https://127.0.0.1:1
        users:
        - name: ci
          user:
            token: {KubeConfigSecret}
        """;

    public static readonly string KubeConfigData = Convert.ToBase64String(Encoding.UTF8.GetBytes(KubeConfig));

    private readonly string _scratch = Directory.CreateTempSubdirectory("deploy-scenario-").FullName;

    public DeployScenario()
    {
        Cluster.ShowPathAs(ArtifactsRoot, Expected.ArtifactsRoot);
        App.OnSmokeRun = canary => Cluster.Append(canary ? "smoke canary" : "smoke");
        App.BuildFor = canary => (canary ? CanaryBuild : StableBuild) ?? ImageTag(canary ? "sovd-webapp-canary" : "sovd-webapp");
    }

    /// <summary>When set, the canary answers with this build whatever it runs (a canary that is not this commit's).</summary>
    public string? CanaryBuild { get; set; }

    /// <summary>When set, requests without the canary header get this build whatever stable runs (pods that never rolled).</summary>
    public string? StableBuild { get; set; }

    /// <summary>The backend tag the stand-in's release runs (what its image would name), or null when not installed.</summary>
    private string? ImageTag(string release) =>
        Cluster.ReleaseValues(release).Select(value => value.Split('=', 2)).FirstOrDefault(pair => pair[0] == "backend.image.tag")?[1];

    public ClusterStandIn Cluster { get; } = new();

    public FakeWebApp App { get; } = FakeWebApp.Start();

    public static string Chart => Path.Combine(RepoPaths.App, "infrastructure", "helm", "sovd-webapp");

    /// <summary>Where this scenario's images.json would be; absent unless <see cref="WriteImagesFile"/> is called.</summary>
    public string ImagesFile => Path.Combine(_scratch, "images.json");

    public Dictionary<string, string?> Environment { get; } = new()
    {
        ["KUBE_CONFIG_DATA"] = KubeConfigData,
        ["SMOKE_API_TOKEN"] = SmokeToken,
    };

    /// <summary>The commit this deploy is of (<see cref="Sha"/> unless a test deploys a real commit of this repository).</summary>
    public string DeploySha { get; set; } = Sha;

    public void WriteImagesFile(string json) => File.WriteAllText(ImagesFile, json);

    /// <summary>This scenario's own artifacts folder, so deploy scenarios can run side by side.</summary>
    public string ArtifactsRoot => Path.Combine(_scratch, "artifacts");

    public string ArtifactsArgument => $"--artifacts-root={ArtifactsRoot}";

    /// <summary>The deploy record a run wrote into <paramref name="folder"/> (the artifact's folder, e.g. deploy-staging).</summary>
    public string RecordPath(string folder) => Path.Combine(ArtifactsRoot, folder, "deployment.json");

    public JsonElement ReadRecord(string folder) => Expected.ReadRecord(RecordPath(folder));

    /// <summary>Runs <paramref name="stage"/> alone with the scenario's settings plus <paramref name="extra"/> arguments.</summary>
    public Task<HostResult> RunAsync(string stage, params string[] extra)
    {
        string[] arguments =
        [
            $"--target={stage}", "--exclusive", $"--sha={DeploySha}", $"--owner={Owner}", $"--smoke-url={App.BaseUrl}",
            $"--images-file={ImagesFile}", ArtifactsArgument, .. extra,
        ];
        var environment = new Dictionary<string, string?>(Environment) { ["PATH"] = Cluster.PathWithStandIns };
        return HostRun.RunAsync(arguments, environment, TimeSpan.FromMinutes(4));
    }

    /// <summary>The calls, without the web app's lines, as the tests compare them.</summary>
    public IReadOnlyList<string> ToolCalls => Cluster.Calls.Where(line => !line.StartsWith("smoke", StringComparison.Ordinal)).ToList();

    /// <summary>The calls besides the preflight's reads (kubectl version, context, namespace, secrets, can-i, Gateway API), with the smoke markers.</summary>
    public IReadOnlyList<string> RolloutCalls => Cluster.Calls.Where(line => !IsPreflightRead(line)).ToList();

    /// <summary>The preflight's read-only kubectl calls (the version-skew check and the cluster preflight).</summary>
    public IReadOnlyList<string> PreflightCalls => Cluster.Calls.Where(IsPreflightRead).ToList();

    public static bool IsPreflightRead(string call) =>
        new[]
        {
            "kubectl version ", "kubectl config ", "kubectl auth can-i ", "kubectl get namespace ", "kubectl get secret ",
            "kubectl get customresourcedefinition ", "kubectl get gateway ",
        }.Any(prefix => call.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The first <paramref name="tool"/> on PATH, the way the host resolves it.</summary>
    public static string OnPath(string tool) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, tool)).First(File.Exists);

    public void Dispose()
    {
        App.Dispose();
        Cluster.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
