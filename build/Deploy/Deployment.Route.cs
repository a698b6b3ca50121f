namespace Build.Deploy;

/// <summary>
/// The route release's two jobs beyond helm: taking the traffic objects over from a stable release that still owns
/// them, and waiting after each route change until the traffic controller serves it.
/// </summary>
public sealed partial class Deployment
{
    private static readonly TimeSpan RoutePoll = TimeSpan.FromSeconds(2);

    private string RouteWaitStep => IsGatewayMode
        ? $"wait for HTTPRoute {RouteName}: Accepted and ResolvedRefs from {Parent}"
        : $"wait for Ingress {RouteName}: an address";

    private bool IsGatewayMode =>
        (ChartValue(ChartNames.TrafficProvider) ?? ChartNames.GatewayProvider) == ChartNames.GatewayProvider;

    // The route release names its objects after the stable release (the chart's sovd.trafficName).
    private string RouteName => ChartNames.FullName(settings.Release.Name);

    private RouteParent Parent => new(
        ChartValue(ChartNames.GatewayName) ?? "sovd-gateway",
        ChartValue(ChartNames.GatewayNamespace) is { Length: > 0 } ns ? ns : settings.Release.Namespace,
        ChartValue(ChartNames.GatewaySection) is { Length: > 0 } section ? section : null);

    private string RouteResource => IsGatewayMode
        ? $"httproute.gateway.networking.k8s.io/{RouteName}"
        : $"ingress.networking.k8s.io/{RouteName}";

    /// <summary>
    /// The first rollout with a route release: stable's route objects are annotated for the route release, which then
    /// adopts them (helm v4.1.4 pkg/action/validate.go, checkOwnership: label app.kubernetes.io/managed-by=Helm and
    /// annotations meta.helm.sh/release-name and -namespace equal to the adopting release, read 2026-12-07).
    /// <c>helm.sh/resource-policy: keep</c> stops stable's promotion upgrade, which no longer renders them, from
    /// deleting them (pkg/kube/client.go, Update: "skipping delete due to annotation"). Stable itself is not upgraded.
    /// </summary>
    private void TakeOverRoute()
    {
        var annotations = new Dictionary<string, string>
        {
            ["meta.helm.sh/release-name"] = settings.Release.RouteName,
            ["meta.helm.sh/release-namespace"] = settings.Release.Namespace,
            ["helm.sh/resource-policy"] = "keep",
        };
        _record.Step($"route handover: kubectl annotate {RouteResource} for {settings.Release.RouteName}",
            () => context.KubectlAnnotate(RouteResource, annotations, _cluster.Kubectl()));
        _record.Step(
            $"route handover: helm upgrade --install {settings.Release.RouteName} " +
            $"(every request to {settings.Release.Name})",
            () => _cluster.Upgrade(settings.Release.RouteName, NoImages, RouteValues(null)));
        _record.Step($"route handover: {RouteWaitStep}", () => WaitForRoute(canaryLive: false));
    }

    /// <summary>
    /// Polls the route (and, in ingress mode with a live canary, the canary Ingress) until it is served, within the
    /// definition's RouteReady; at the bound the step fails like a failed smoke test. A dry run asks once.
    /// </summary>
    private void WaitForRoute(bool canaryLive, TimeSpan? limit = null)
    {
        var bound = limit ?? settings.Timeouts.RouteReady;
        var clock = Stopwatch.StartNew();
        var names = IsGatewayMode || !canaryLive ? [RouteName] : new[] { RouteName, $"{RouteName}-canary-split" };
        while (true)
        {
            var waiting = names.Select(RouteNotReady).OfType<string>().FirstOrDefault();
            if (waiting is null || context.DryRun)
            {
                return;
            }
            if (clock.Elapsed + RoutePoll > bound)
            {
                var describe =
                    _cluster.KubectlCommand($"describe {(IsGatewayMode ? "httproute" : "ingress")} {RouteName}");
                throw new DeployException(
                    $"The route was not served within {bound.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: " +
                    $"{waiting}. See `{describe}` and the controller's logs.");
            }
            context.Verbose($"route not served yet: {waiting}");
            Thread.Sleep(RoutePoll);
        }
    }

    private string? RouteNotReady(string name)
    {
        var kind = IsGatewayMode ? "httproute" : "ingress";
        var answer = context.KubectlGetObject(kind, name, _cluster.Kubectl());
        if (!answer.Succeeded)
        {
            return $"kubectl get {kind} {name} failed: {answer.Error}";
        }
        var reason = IsGatewayMode
            ? RouteStatus.HttpRouteNotReady(answer.Output, Parent)
            : RouteStatus.IngressNotReady(answer.Output);
        return reason is null ? null : $"{kind} {name}: {reason}";
    }
}
