namespace Build.Deploy;

/// <summary>One thing the deploy does to the cluster, as <c>kubectl auth can-i &lt;verb&gt; &lt;resource&gt;</c> asks it.</summary>
public sealed record ClusterPermission(string Verb, string Resource, bool Namespaced = true)
{
    /// <summary>The Role and ClusterRole that grant every permission of <see cref="Derive"/> to the CI identity (generated).</summary>
    public const string RbacManifest = "docs/rbac/ci-deployer.yaml";

    /// <summary>Verbs in the order the manifest lists them.</summary>
    public static readonly IReadOnlyList<string> VerbOrder = ["get", "list", "watch", "create", "update", "patch", "delete"];

    // Read 2026-12-07 from helm v4.1.4: pkg/kube/statuswait.go waits with fluxcd/cli-utils' kstatus watcher
    // (watcher.NewDefaultStatusWatcher, RESTScopeNamespace): informers LIST and WATCH each kind of the release in the
    // namespace, and a Forbidden ends the wait with an error. pkg/kube/client.go creates new objects (Create, or a
    // server-side apply PATCH), patches changed ones (apply patch by default, a 3-way merge patch client-side) and
    // deletes removed ones; kubectl rollout status lists and watches the Deployment.
    private static readonly string[] ChartObjectVerbs = ["get", "list", "watch", "create", "patch", "delete"];

    /// <summary>
    /// Everything a deploy does with a chart rendering <paramref name="chartResources"/>: the chart's kinds times the
    /// verbs helm and kubectl use on them, plus what helm, the rollout wait, the diagnostics and the preflight need.
    /// </summary>
    public static IReadOnlyList<ClusterPermission> Derive(IEnumerable<KubeResource> chartResources) =>
    [
        .. Verbs("secrets", "get", "list", "create", "update", "delete"),
        .. chartResources.Select(r => r.CanIName).Where(r => r != "secrets").Distinct().SelectMany(resource => Verbs(resource, ChartObjectVerbs)),
        .. Verbs("replicasets.apps", "get", "list"),
        .. Verbs("pods", "get", "list"),
        .. Verbs("pods/log", "get"),
        .. Verbs("events", "list"),
        new("get", "namespaces", Namespaced: false),
        new("get", "customresourcedefinitions.apiextensions.k8s.io", Namespaced: false),
        new("get", "gateways.gateway.networking.k8s.io", Namespaced: false),
    ];

    /// <summary>What the preflight asks: every grant of the committed manifest, plus creating the namespace when asked to.</summary>
    public static IReadOnlyList<ClusterPermission> For(DirectoryPath repoRoot, bool createNamespace)
    {
        var granted = RbacManifestFile.Parse(File.ReadAllText(repoRoot.CombineWithFilePath(RbacManifest).FullPath));
        return createNamespace ? [.. granted, new("create", "namespaces", Namespaced: false)] : granted;
    }

    /// <summary>Why the deploy needs this permission, for the manifest's comments and the preflight's message.</summary>
    public string Why => Resource switch
    {
        "secrets" => "helm's release records (a Secret per revision) and the image pull secret",
        "replicasets.apps" => "the wait's Deployment status (its ReplicaSets) and kubectl rollout status",
        "pods" => "the wait's Deployment status and the failure diagnostics",
        "pods/log" => "diagnostics: last log lines of failing containers",
        "events" => "diagnostics: events of the namespace",
        "namespaces" when Verb == "create" => $"--{ArgumentNames.CreateNamespace}",
        "namespaces" => "the preflight: the namespace exists, and a Gateway's Selector admits it",
        "customresourcedefinitions.apiextensions.k8s.io" => "the preflight: the Gateway API's HTTPRoute CRD is installed",
        "gateways.gateway.networking.k8s.io" => "the preflight: the Gateway in parentRefs exists and admits the namespace",
        _ when Verb is "get" or "list" or "watch" => "helm 4's --wait: its kstatus watcher lists and watches every kind of the release",
        _ => "helm upgrade, rollback and uninstall of the chart's objects",
    };

    public override string ToString() => $"{Verb} {Resource}";

    private static IEnumerable<ClusterPermission> Verbs(string resource, params string[] verbs) =>
        verbs.Select(verb => new ClusterPermission(verb, resource));
}
