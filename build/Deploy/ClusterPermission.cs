namespace Build.Deploy;

/// <summary>One thing the deploy does to the cluster, as <c>kubectl auth can-i &lt;verb&gt; &lt;resource&gt;</c> asks it.</summary>
/// <param name="Namespace">Where it is asked when not the deploy's namespace (Prometheus' own).</param>
public sealed record ClusterPermission(
    string Verb, string Resource, bool Namespaced = true, string Why = "", string? Namespace = null)
{
    /// <summary>The Role and ClusterRole that grant every permission of <see cref="For"/> to the CI identity.</summary>
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
        new("get", "services", Why: "the port-forward finds Prometheus' Service", Namespace: prometheusNamespace),
        new("list", "pods", Why: "the port-forward picks a pod of that Service", Namespace: prometheusNamespace),
        new("get", "pods", Why: "the port-forward checks that pod is running", Namespace: prometheusNamespace),
        new("create", "pods/portforward", Why: "the port-forward's stream to Prometheus",
            Namespace: prometheusNamespace),
    ];

    /// <summary>
    /// Everything a deploy does, and why: the preflight asks each, docs/rbac/ci-deployer.yaml grants each (a test
    /// checks both lists agree).
    /// </summary>
    public static IReadOnlyList<ClusterPermission> For(bool createNamespace)
    {
        // helm keeps each release revision in a Secret of the namespace; helm upgrade creates, patches and deletes the chart's objects.
        IEnumerable<ClusterPermission> permissions =
        [
            .. Verbs("secrets", "helm's release records and the image pull secret", "get", "list", "create", "update", "delete"),
            .. ChartNames.RenderedResources.SelectMany(resource => Verbs(resource, "objects of the chart", "get", "list", "create", "patch", "delete")),
            new("watch", "deployments.apps", Why: "kubectl rollout status"),
            .. Verbs("replicasets.apps", "helm --wait and kubectl rollout status", "get", "list"),
            .. Verbs("pods", "helm --wait and diagnostics", "get", "list"),
            new("get", "pods/log", Why: "diagnostics: last log lines of failing containers"),
            // kubectl get, apply (get, then create or patch) and delete of the production rollout's state (RolloutState).
            .. Verbs("configmaps", "the production rollout's state", "get", "create", "patch", "delete"),
            new("list", "events", Why: "diagnostics: events of the namespace"),
            new("get", "namespaces", Namespaced: false, Why: "the preflight's namespace check"),
        ];
        return createNamespace
            ? [.. permissions, new("create", "namespaces", Namespaced: false, Why: $"--{ArgumentNames.CreateNamespace}")]
            : [.. permissions];
    }

    public override string ToString() => Namespace is { } name ? $"{Verb} {Resource} in {name}" : $"{Verb} {Resource}";

    private static IEnumerable<ClusterPermission> Verbs(string resource, string why, params string[] verbs) =>
        verbs.Select(verb => new ClusterPermission(verb, resource, Why: why));
}
