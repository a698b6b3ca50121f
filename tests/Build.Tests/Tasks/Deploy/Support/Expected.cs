using System.Text.Json;
using Build.Tests.Support;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>The exact helm and kubectl command lines the deploy stages should run (as the stand-ins log them).</summary>
public static class Expected
{
    public const string Stable = "sovd-webapp";
    public const string Canary = "sovd-webapp-canary";

    public static readonly string ShaImages = string.Join(' ',
        $"--set-string backend.image.repository=sovd-backend --set-string backend.image.tag={DeployScenario.Sha}",
        $"--set-string frontend.image.repository=sovd-frontend --set-string frontend.image.tag={DeployScenario.Sha}",
        $"--set-string global.imageOwner={DeployScenario.Owner} --set-string global.imageRegistry=ghcr.io");

    /// <summary>The version-skew check before a rollout that uses kubectl.</summary>
    public const string KubectlVersion = "kubectl version -o json";

    public static string Status(string release, string ns) => $"helm status {release} -o json -n {ns}";

    public static string History(string release, string ns) => $"helm history {release} -o json -n {ns}";

    public static string Upgrade(string release, string ns, string setValues = "", string? images = null) =>
        $"helm upgrade --install {release} {DeployScenario.Chart} -f {DeployScenario.Chart}/values-{ns}.yaml {setValues}" +
        $"--wait --rollback-on-failure --timeout 5m0s -n {ns} {images ?? ShaImages}";

    public static string Rollback(string release, int revision, string ns) => $"helm rollback {release} {revision} --wait --timeout 5m0s -n {ns}";

    public static string Uninstall(string release, string ns) => $"helm uninstall {release} --wait --timeout 5m0s -n {ns}";

    public static string RolloutStatus(string deployment) => $"kubectl rollout status deployment/{deployment} --timeout=5m0s -n production";

    /// <summary>One canary step: upgrade to the weight, wait for both Deployments, smoke tests with the probe.</summary>
    public static string[] CanaryStep(int weight) =>
    [
        Upgrade(Canary, "production", $"--set canary.enabled=true --set canary.weight={weight} "),
        RolloutStatus($"{Canary}-backend"),
        RolloutStatus($"{Canary}-frontend"),
        "smoke",
    ];

    public static string[] Promotion =>
    [
        Upgrade(Stable, "production"),
        Status(Stable, "production"),
        Uninstall(Canary, "production"),
        "smoke",
    ];

    public static string RecordPath(string folder) => Path.Combine(RepoPaths.Root, ".artifacts", folder, "deployment.json");

    public static JsonElement ReadRecord(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RecordPath(folder)));
        return document.RootElement.Clone();
    }
}
