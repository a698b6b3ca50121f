namespace Build.Deploy;

/// <summary>One thing the deploy does to the cluster, as <c>kubectl auth can-i &lt;verb&gt; &lt;resource&gt;</c> asks it.</summary>
public sealed record ClusterPermission(string Verb, string Resource, bool Namespaced = true, string Why = "")
{
    /// <summary>The Role and ClusterRole that grant every permission of <see cref="For"/> to the CI identity.</summary>
    public const string RbacManifest = "docs/rbac/ci-deployer.yaml";

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

    public override string ToString() => $"{Verb} {Resource}";

    private static IEnumerable<ClusterPermission> Verbs(string resource, string why, params string[] verbs) =>
        verbs.Select(verb => new ClusterPermission(verb, resource, Why: why));
}
