namespace Build.Deploy;

/// <summary>One thing the deploy does to the cluster, as <c>kubectl auth can-i &lt;verb&gt; &lt;resource&gt;</c> asks it.</summary>
public sealed record ClusterPermission(string Verb, string Resource, bool Namespaced = true, string Why = "")
{
    /// <summary>
    /// Everything a deploy does, and why: the preflight asks each, docs/rbac/ci-deployer.yaml grants each (a test
    /// checks both lists agree).
    /// </summary>
    public static IReadOnlyList<ClusterPermission> For(bool createNamespace)
    {
        var permissions = new List<ClusterPermission>();
        // helm 3 keeps each release revision in a Secret of the namespace and updates its status there.
        permissions.AddRange(Verbs("secrets", "helm's release records and the image pull secret", "get", "list", "create", "update", "delete"));
        foreach (var resource in ChartNames.RenderedResources)
        {
            // helm upgrade creates new objects, patches changed ones and deletes removed ones.
            permissions.AddRange(Verbs(resource, "objects of the chart", "get", "list", "create", "patch", "delete"));
        }
        permissions.Add(new("watch", "deployments.apps", Why: "kubectl rollout status"));
        permissions.AddRange(Verbs("replicasets.apps", "helm --wait and kubectl rollout status", "get", "list"));
        permissions.AddRange(Verbs("pods", "helm --wait and diagnostics", "get", "list"));
        permissions.Add(new("get", "pods/log", Why: "diagnostics: last log lines of failing containers"));
        permissions.Add(new("list", "events", Why: "diagnostics: events of the namespace"));
        permissions.Add(new("get", "namespaces", Namespaced: false, Why: "the preflight's namespace check"));
        if (createNamespace)
        {
            permissions.Add(new("create", "namespaces", Namespaced: false, Why: $"--{ArgumentNames.CreateNamespace}"));
        }
        return permissions;
    }

    public override string ToString() => $"{Verb} {Resource}";

    private static IEnumerable<ClusterPermission> Verbs(string resource, string why, params string[] verbs) =>
        verbs.Select(verb => new ClusterPermission(verb, resource, Why: why));
}
