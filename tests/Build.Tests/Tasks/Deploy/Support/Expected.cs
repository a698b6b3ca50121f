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

    /// <summary>The images the stable release runs before the deploy (<see cref="ClusterStandIn.PreviousSha"/>), re-passed at each weight step.</summary>
    public static readonly string PreviousImages = ShaImages.Replace(DeployScenario.Sha, ClusterStandIn.PreviousSha, StringComparison.Ordinal);

    /// <summary>The version-skew check before a rollout that uses kubectl.</summary>
    public const string KubectlVersion = "kubectl version -o json";

    public static string Status(string release, string ns) => $"helm status {release} -o json -n {ns}";

    public static string History(string release, string ns) => $"helm history {release} -o json -n {ns}";

    public static string GetValues(string release, string ns) => $"helm get values {release} -o json -n {ns}";

    /// <summary>The chart value that names the image pull secret (GitHub Container Registry is private by default).</summary>
    public const string PullSecret = "--set global.imagePullSecrets[0].name=ghcr-pull ";

    /// <summary>helm's --timeout: the definition's HelmWait (4 minutes).</summary>
    public const string HelmTimeout = "4m0s";

    public static string Upgrade(string release, string ns, string setValues = "", string? images = null) =>
        $"helm upgrade --install {release} {DeployScenario.Chart} -f {DeployScenario.Chart}/values-{ns}.yaml {setValues}{PullSecret}" +
        $"--wait --rollback-on-failure --force-conflicts --timeout {HelmTimeout} -n {ns} {images ?? ShaImages}";

    public static string Rollback(string release, int revision, string ns) => $"helm rollback {release} {revision} --wait --force-conflicts --timeout {HelmTimeout} -n {ns}";

    public static string Uninstall(string release, string ns) => $"helm uninstall {release} --wait --timeout {HelmTimeout} -n {ns}";

    public static string RolloutStatus(string deployment) => $"kubectl rollout status deployment/{deployment} --timeout=1m0s -n production";

    /// <summary>The stable release routing <paramref name="weight"/> % and the X-Canary header to the canary.</summary>
    public static string Route(int weight, string? images = null) =>
        Upgrade(Stable, "production", $"--set canary.header=X-Canary --set canary.live=true --set canary.weight={weight} ", images ?? PreviousImages);

    /// <summary>
    /// One canary step in the chart's order: the canary release at the weight (the chart sizes its pods, so no
    /// replicaCount), wait for both Deployments, then the stable release routes the weight and the header to it with
    /// its current images; smoke tests through the canary header ("smoke canary"), then the weighted traffic ("smoke").
    /// </summary>
    public static string[] CanaryStep(int weight) =>
    [
        Upgrade(Canary, "production", $"--set canary.enabled=true --set canary.weight={weight} "),
        RolloutStatus($"{Canary}-backend"),
        RolloutStatus($"{Canary}-frontend"),
        Route(weight),
        "smoke canary",
        "smoke",
    ];

    /// <summary>Before the steps: the order guard's read of the commit stable runs, then stable's current images.</summary>
    public static string[] CanaryStart =>
    [
        Status(Stable, "production"), GetValues(Stable, "production"), Status(Canary, "production"), GetValues(Stable, "production"),
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

    /// <summary>Stable takes the new images while all traffic stays on the canary, routes back, then the canary goes.</summary>
    public static string[] Promotion =>
    [
        Route(100, ShaImages),
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
