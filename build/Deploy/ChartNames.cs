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
    // The canary release gets enabled + weight (the chart sizes its pods from the weight, rounding up; the pipeline
    // never pins canary.replicaCount). The stable release owns the traffic split: live + weight + header.
    public const string CanaryEnabled = "canary.enabled";
    public const string CanaryWeight = "canary.weight";
    public const string CanaryLive = "canary.live";

    /// <summary>
    /// The header's name; the chart routes it to the canary on the value <c>always</c> in both traffic modes.
    /// </summary>
    public const string CanaryHeaderName = "canary.header";
    public const string PullSecretName = "global.imagePullSecrets[0].name";

    /// <summary>
    /// The chart values that select a release's images (what <see cref="DeployImages.ChartValues"/> sets).
    /// </summary>
    public static readonly IReadOnlyList<string> ImageValues =
    [
        "global.imageRegistry", "global.imageOwner",
        "backend.image.repository", "backend.image.tag", "backend.image.digest",
        "frontend.image.repository", "frontend.image.tag", "frontend.image.digest",
    ];

    /// <summary>
    /// Set on the route release (<see cref="ReleaseSettings.RouteName"/>) to the stable release's name: it
    /// renders that release's traffic objects only, so a weight step upgrades it and never re-renders stable.
    /// </summary>
    public const string RouteFor = "traffic.routeFor";

    /// <summary>False on the stable release once the route release holds its traffic objects.</summary>
    public const string TrafficEnabled = "traffic.enabled";

    /// <summary>
    /// The optional ServiceMonitor (off by default; an installation with the Prometheus Operator turns it on in its
    /// values): rendered for the RBAC too, so a deploy that turns it on is allowed to manage it.
    /// </summary>
    public const string ServiceMonitorEnabled = "metrics.serviceMonitor.enabled";

    // Values the pipeline reads from the values files.
    public const string TrafficProvider = "traffic.provider";

    /// <summary>
    /// <see cref="TrafficProvider"/> for Ingress objects; the chart's default, <c>gateway</c>, renders an HTTPRoute.
    /// </summary>
    public const string IngressNginx = "ingress-nginx";

    /// <summary>
    /// Used in ingress-nginx mode only: in gateway mode the Gateway's listener holds the certificate.
    /// </summary>
    public const string TlsSecretName = "traffic.ingress.tls.secretName";

    /// <summary>
    /// Pods carry the release as this label (Kubernetes' recommended labels); diagnostics select by it.
    /// </summary>
    public const string InstanceLabel = "app.kubernetes.io/instance";

    /// <summary>The Deployment of one component, e.g. sovd-webapp-canary-backend.</summary>
    public static string Deployment(string release, string component) => $"{Trim(FullName(release), 54)}-{component}";

    /// <summary>
    /// The chart's <c>sovd.fullname</c> of a release: the name of its HTTPRoute and (unsuffixed) Ingress.
    /// </summary>
    public static string FullName(string release) =>
        Trim(release.Contains(Chart, StringComparison.Ordinal) ? release : $"{release}-{Chart}", 63);

    // Gateway API mode's default (the chart's traffic.provider).
    public const string GatewayProvider = "gateway";
    public const string GatewayName = "traffic.gateway.name";
    public const string GatewayNamespace = "traffic.gateway.namespace";
    public const string GatewaySection = "traffic.gateway.sectionName";

    /// <summary>
    /// The Gateway API implementation (aws-alb, envoy, …): the chart renders what that one needs besides the
    /// HTTPRoute.
    /// </summary>
    public const string GatewayController = "traffic.gateway.controller";

    private static string Trim(string name, int length) => (name.Length > length ? name[..length] : name).TrimEnd('-');
}
