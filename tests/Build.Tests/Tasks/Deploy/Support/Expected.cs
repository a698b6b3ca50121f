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

    public const string Route = "sovd-webapp-route";

    /// <summary>The rollout's state: read before a rollout, written before each step, removed at the end.</summary>
    public const string StateRead = "kubectl get configmap sovd-webapp-rollout -o json --ignore-not-found -n production";

    public static readonly string StateWrite = $"kubectl apply -f {ArtifactsRoot}/deploy-production/rollout-state.json -n production";

    /// <summary>How calls show a scenario's artifacts root (<see cref="DeployScenario.ArtifactsRoot"/>).</summary>
    public const string ArtifactsRoot = "<artifacts>";

    public const string StateDelete = "kubectl delete configmap sovd-webapp-rollout --ignore-not-found -n production";

    /// <summary>The first rollout with a route release hands stable's HTTPRoute to it.</summary>
    public const string Annotate = "kubectl annotate httproute.gateway.networking.k8s.io/sovd-webapp helm.sh/resource-policy=keep " +
                                   "meta.helm.sh/release-name=sovd-webapp-route meta.helm.sh/release-namespace=production --overwrite -n production";

    /// <summary>One poll of the route's status (answered ready by the stand-in unless told otherwise).</summary>
    public const string RouteGet = "kubectl get httproute sovd-webapp -o json --ignore-not-found -n production";

    /// <summary>The route release: stable's traffic objects with <paramref name="weight"/> % and the header to the canary (null: none).</summary>
    public static string RouteUpgrade(int? weight) =>
        $"helm upgrade --install {Route} {DeployScenario.Chart} -f {DeployScenario.Chart}/values-production.yaml " +
        (weight is { } w ? $"--set canary.header=X-Canary --set canary.live=true --set canary.weight={w} " : "") +
        $"{PullSecret}--set traffic.routeFor=sovd-webapp --wait --rollback-on-failure --force-conflicts --timeout {HelmTimeout} -n production";

    /// <summary>Stable at promotion (or restored after it): the images, and no traffic objects of its own.</summary>
    public static string StableUpgrade(string images) =>
        Upgrade(Stable, "production", images: images).Replace(PullSecret, $"{PullSecret}--set traffic.enabled=false ", StringComparison.Ordinal);

    /// <summary>The route's handover before the first weight step, when the route release did not exist yet.</summary>
    public static string[] Handover => [StateWrite, Annotate, RouteUpgrade(null), RouteGet];

    /// <summary>
    /// One canary step in the chart's order: the state, the canary release at the weight (the chart sizes its pods),
    /// wait for both Deployments, then the route release moves the weight and the header (stable untouched), the wait
    /// for the route, smoke tests through the canary header ("smoke canary"), then the weighted traffic ("smoke").
    /// </summary>
    public static string[] CanaryStep(int weight) =>
    [
        StateWrite,
        Upgrade(Canary, "production", $"--set canary.enabled=true --set canary.weight={weight} "),
        RolloutStatus($"{Canary}-backend"),
        RolloutStatus($"{Canary}-frontend"),
        RouteUpgrade(weight),
        RouteGet,
        "smoke canary",
        "smoke",
    ];

    /// <summary>
    /// Before the steps: an interrupted rollout's state, the stable release and its current images (the order guard
    /// reads them; the undo keeps them), the canary and route releases.
    /// </summary>
    public static string[] CanaryStart =>
    [
        StateRead, Status(Stable, "production"), GetValues(Stable, "production"), Status(Canary, "production"), Status(Route, "production"),
    ];

    /// <summary>Every step of a healthy rollout that starts without a route release.</summary>
    public static string[] HealthyRollout => [.. CanaryStart, .. Handover, .. CanaryStep(10), .. CanaryStep(50), .. CanaryStep(100), .. Promotion];

    /// <summary>The undo before promotion: the route back to stable and its wait, then the canary goes, then the state.</summary>
    public static string[] RouteBackAndRemoveCanary => [RouteUpgrade(null), RouteGet, Status(Canary, "production"), Uninstall(Canary, "production"), StateDelete];

    /// <summary>
    /// What a failure collects before the rollback (the stand-in reports one backend canary pod not ready): the pods,
    /// the events, the traffic objects' status (the HTTPRoute and its Gateway, or in ingress-nginx mode the Ingresses).
    /// </summary>
    public static string[] Diagnostics(string ns, bool ingress = false) =>
    [
        $"kubectl get pods -l app.kubernetes.io/instance in (sovd-webapp,sovd-webapp-canary) -o wide -n {ns}",
        $"kubectl get pods -l app.kubernetes.io/instance in (sovd-webapp,sovd-webapp-canary) -o json -n {ns}",
        $"kubectl describe pods -l app.kubernetes.io/instance in (sovd-webapp,sovd-webapp-canary) -n {ns}",
        $"kubectl get events --sort-by=.lastTimestamp -n {ns}",
        .. ingress
            ? new[] { $"kubectl get ingresses -l app.kubernetes.io/instance in (sovd-webapp,sovd-webapp-route) -o yaml -n {ns}" }
            : [$"kubectl get httproutes -l app.kubernetes.io/instance in (sovd-webapp,sovd-webapp-route) -o yaml -n {ns}", $"kubectl get gateways sovd-gateway -o yaml -n {ns}"],
        $"kubectl logs sovd-webapp-canary-backend-5f6d8c7b9-m2n4v --all-containers --tail=50 -n {ns}",
    ];

    /// <summary>Stable takes the new images while all traffic stays on the canary, the route goes back, then the canary goes.</summary>
    public static string[] Promotion =>
    [
        StateWrite,
        StableUpgrade(ShaImages),
        RouteUpgrade(null),
        RouteGet,
        Status(Stable, "production"),
        Uninstall(Canary, "production"),
        "smoke",
        StateDelete,
    ];

    public static JsonElement ReadRecord(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
