namespace Build.Deploy;

/// <summary>
/// What the pipeline knows of the sovd-webapp chart: the object names it gives a release (its <c>sovd.fullname</c>
/// and <c>sovd.componentName</c> helpers), the values the pipeline sets, and the kinds it renders. One place, so a
/// renamed chart value is changed here only.
/// </summary>
public static class ChartNames
{
    public const string Chart = "sovd-webapp";
    public static readonly IReadOnlyList<string> Components = ["backend", "frontend"];

    // Values the pipeline sets (helm --set); they must match values.yaml / values.schema.json.
    public const string CanaryEnabled = "canary.enabled";
    public const string CanaryWeight = "canary.weight";
    public const string CanaryReplicas = "canary.replicaCount";
    /// <summary>The header's name; this chart's ingress-nginx canary routes on its value <c>always</c>.</summary>
    public const string CanaryHeaderName = "canary.header";

    /// <summary>The value key when the chart matches a header value too (Gateway API); null while it takes only a name.</summary>
    public static readonly string? CanaryHeaderValue = null;
    public const string PullSecretName = "global.imagePullSecrets[0].name";

    // Values the pipeline reads from the values files.
    public static readonly IReadOnlyList<string> ReplicaCounts = ["backend.replicaCount", "frontend.replicaCount"];
    public const string TlsSecretName = "ingress.tls.secretName";

    /// <summary>Pods carry the release as this label (Kubernetes' recommended labels); diagnostics select by it.</summary>
    public const string InstanceLabel = "app.kubernetes.io/instance";

    /// <summary>
    /// The namespaced kinds the chart renders (as <c>resource.group</c>, the way <c>kubectl auth can-i</c> takes them);
    /// a test renders the chart and fails when a kind is missing here, so the preflight and the RBAC manifest follow it.
    /// </summary>
    public static readonly IReadOnlyList<string> RenderedResources =
        ["deployments.apps", "services", "ingresses.networking.k8s.io", "poddisruptionbudgets.policy"];

    /// <summary>The Deployment of one component, e.g. sovd-webapp-canary-backend.</summary>
    public static string Deployment(string release, string component)
    {
        var fullName = Trim(release.Contains(Chart, StringComparison.Ordinal) ? release : $"{release}-{Chart}", 63);
        return $"{Trim(fullName, 54)}-{component}";
    }

    private static string Trim(string name, int length) => (name.Length > length ? name[..length] : name).TrimEnd('-');
}
