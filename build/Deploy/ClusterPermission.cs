namespace Build.Deploy;

/// <summary>
/// One thing the deploy does to the cluster, as <c>kubectl auth can-i &lt;verb&gt; &lt;resource&gt;</c> asks.
/// </summary>
/// <param name="Namespace">Where it is asked when not the deploy's namespace (Prometheus' own).</param>
/// <param name="Reason">Why, when the derived reason (<see cref="Why"/>) does not say it.</param>
public sealed record ClusterPermission(
    string Verb, string Resource, bool Namespaced = true, string? Namespace = null, string? Reason = null)
{
    /// <summary>The generated Role and ClusterRole granting every permission of <see cref="Derive"/>.</summary>
    public const string RbacManifest = "docs/rbac/ci-deployer.yaml";

    /// <summary>The Role that grants <see cref="PrometheusPortForward"/>, applied in Prometheus' namespace.</summary>
    public const string PrometheusRbacManifest = "docs/rbac/ci-prometheus-port-forward.yaml";

    /// <summary>
    /// What <c>kubectl port-forward service/&lt;prometheus&gt;</c> needs in Prometheus' namespace: it gets the Service,
    /// lists its pods by the Service's selector and gets the first (kubectl's polymorphichelpers GetFirstPod), then
    /// opens the stream as <c>create pods/portforward</c> (kubernetes/kubectl, read 2026-12-07). The deploy's only
    /// access outside its own namespace; the preflight asks each when --prometheus-service is set.
    /// </summary>
    public static IReadOnlyList<ClusterPermission> PrometheusPortForward(string prometheusNamespace) =>
    [
        new("get", "services", Reason: "the port-forward finds Prometheus' Service", Namespace: prometheusNamespace),
        new("list", "pods", Reason: "the port-forward picks a pod of that Service", Namespace: prometheusNamespace),
        new("get", "pods", Reason: "the port-forward checks that pod is running", Namespace: prometheusNamespace),
        new("create", "pods/portforward", Reason: "the port-forward's stream to Prometheus",
            Namespace: prometheusNamespace),
    ];

    /// <summary>Verbs in the order the manifest lists them.</summary>
    public static readonly IReadOnlyList<string> VerbOrder =
        ["get", "list", "watch", "create", "update", "patch", "delete"];

    /// <summary>
    /// What the deploy does besides managing the chart's objects: each tool use with its verbs and why. The one list
    /// to extend when a step starts calling the API server for something new (a port-forward: create
    /// pods/portforward).
    /// </summary>
    public static readonly IReadOnlyList<ToolUse> ToolUses =
    [
        new("secrets", ["get", "list", "create", "update", "delete"],
            "helm's release records (a Secret per revision) and the image pull secret"),
        // RolloutState: kubectl get, kubectl apply (a get, then a create or a patch) and kubectl delete.
        new("configmaps", ["get", "create", "patch", "delete"],
            "the production rollout's state (ConfigMap <release>-rollout)"),
        new("replicasets.apps", ["get", "list"], "helm --wait and kubectl rollout status"),
        new("pods", ["get", "list"], "helm --wait and the failure diagnostics (kubectl get and describe pods)"),
        new("pods/log", ["get"], "diagnostics: last log lines of failing containers"),
        new("events", ["list"], "diagnostics: events of the namespace (kubectl get events, describe pods)"),
        new("namespaces", ["get"], "the preflight: the namespace exists, and a Gateway's Selector admits it",
            Namespaced: false),
        new("customresourcedefinitions.apiextensions.k8s.io", ["get"],
            "the preflight: the Gateway API's HTTPRoute CRD is installed", Namespaced: false),
        // The Gateway may live in another namespace (traffic.gateway.namespace), so it is read cluster-wide.
        new("gateways.gateway.networking.k8s.io", ["get"],
            "the preflight (the Gateway in parentRefs exists, admits the namespace) and the diagnostics (its status)",
            Namespaced: false),
    ];

    // Read 2026-12-07 from helm v4.1.4: pkg/kube/statuswait.go waits with fluxcd/cli-utils' kstatus watcher
    // (watcher.NewDefaultStatusWatcher, RESTScopeNamespace): informers LIST and WATCH each kind of the release in the
    // namespace, and a Forbidden ends the wait with an error. pkg/kube/client.go creates new objects (Create, or a
    // server-side apply PATCH), patches changed ones (apply patch by default, a 3-way merge patch client-side) and
    // deletes removed ones; kubectl rollout status lists and watches the Deployment; kubectl annotate (the route
    // handover) gets and patches the HTTPRoute or Ingress.
    private static readonly string[] ChartObjectVerbs = ["get", "list", "watch", "create", "patch", "delete"];

    private const string WatchWhy = "helm 4's --wait: its kstatus watcher lists and watches every kind of the release";
    private const string ChangeWhy = "helm upgrade, rollback and uninstall of the chart's objects";

    /// <summary>
    /// Everything a deploy does with a chart rendering <paramref name="chartResources"/>: the chart's kinds times the
    /// verbs helm and kubectl use on them, plus <see cref="ToolUses"/>.
    /// </summary>
    public static IReadOnlyList<ClusterPermission> Derive(IEnumerable<KubeResource> chartResources)
    {
        var tools = ToolUses
            .SelectMany(use => use.Verbs.Select(verb => new ClusterPermission(verb, use.Resource, use.Namespaced)))
            .ToList();
        var chart = chartResources.Select(r => r.CanIName).Distinct()
            .SelectMany(resource => ChartObjectVerbs.Select(verb => new ClusterPermission(verb, resource)));
        return [.. tools, .. chart.Where(permission => !tools.Contains(permission))];
    }

    /// <summary>What the preflight asks: the committed manifest's grants, and create namespaces if asked.</summary>
    public static IReadOnlyList<ClusterPermission> For(DirectoryPath repoRoot, bool createNamespace)
    {
        var granted = RbacManifestFile.Parse(File.ReadAllText(repoRoot.CombineWithFilePath(RbacManifest).FullPath));
        return createNamespace ? [.. granted, new("create", "namespaces", Namespaced: false)] : granted;
    }

    /// <summary>Why the deploy needs this permission: the manifest's comments, the preflight's message.</summary>
    public string Why => Reason ?? (Verb == "create" && Resource == "namespaces"
        ? $"--{ArgumentNames.CreateNamespace}"
        : ToolUses.FirstOrDefault(use => use.Resource == Resource && use.Verbs.Contains(Verb))?.Why
          ?? (Verb is "get" or "list" or "watch" ? WatchWhy : ChangeWhy));

    public override string ToString() => Namespace is { } name ? $"{Verb} {Resource} in {name}" : $"{Verb} {Resource}";

    /// <summary>A tool's use of one resource (as can-i names it) beyond the chart's objects.</summary>
    public sealed record ToolUse(string Resource, IReadOnlyList<string> Verbs, string Why, bool Namespaced = true);
}
