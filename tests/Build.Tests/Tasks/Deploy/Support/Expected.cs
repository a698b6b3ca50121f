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

    /// <summary>The chart value that names the image pull secret (GitHub Container Registry is private by default).</summary>
    public const string PullSecret = "--set global.imagePullSecrets[0].name=ghcr-pull ";

    /// <summary>helm's --timeout: the definition's HelmWait (4 minutes).</summary>
    public const string HelmTimeout = "4m0s";

    public static string Upgrade(string release, string ns, string setValues = "", string? images = null) =>
        $"helm upgrade --install {release} {DeployScenario.Chart} -f {DeployScenario.Chart}/values-{ns}.yaml {setValues}{PullSecret}" +
        $"--wait --rollback-on-failure --timeout {HelmTimeout} -n {ns} {images ?? ShaImages}";

    public static string Rollback(string release, int revision, string ns) => $"helm rollback {release} {revision} --wait --timeout {HelmTimeout} -n {ns}";

    public static string Uninstall(string release, string ns) => $"helm uninstall {release} --wait --timeout {HelmTimeout} -n {ns}";

    public static string RolloutStatus(string deployment) => $"kubectl rollout status deployment/{deployment} --timeout=1m0s -n production";

    /// <summary>Canary pods per component at a weight while stable runs three (values-production.yaml).</summary>
    public static int CanaryReplicas(int weight) => weight switch { 10 => 1, 50 => 2, _ => 3 };

    /// <summary>
    /// One canary step: upgrade to the weight with pods to match, wait for both Deployments, smoke tests with the
    /// probe through the canary header ("smoke canary"), then against the weighted traffic ("smoke").
    /// </summary>
    public static string[] CanaryStep(int weight) =>
    [
        Upgrade(Canary, "production", $"--set canary.enabled=true --set canary.header=X-Canary --set canary.replicaCount={CanaryReplicas(weight)} --set canary.weight={weight} "),
        RolloutStatus($"{Canary}-backend"),
        RolloutStatus($"{Canary}-frontend"),
        "smoke canary",
        "smoke",
    ];

    /// <summary>What a failure collects before the rollback (the stand-in reports one backend canary pod not ready).</summary>
    public static string[] Diagnostics(string ns) =>
    [
        $"kubectl get pods -l app.kubernetes.io/instance in (sovd-webapp,sovd-webapp-canary) -o wide -n {ns}",
        $"kubectl get pods -l app.kubernetes.io/instance in (sovd-webapp,sovd-webapp-canary) -o json -n {ns}",
        $"kubectl describe pods -l app.kubernetes.io/instance in (sovd-webapp,sovd-webapp-canary) -n {ns}",
        $"kubectl get events --sort-by=.lastTimestamp -n {ns}",
        $"kubectl logs sovd-webapp-canary-backend-5f6d8c7b9-m2n4v --all-containers --tail=50 -n {ns}",
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
