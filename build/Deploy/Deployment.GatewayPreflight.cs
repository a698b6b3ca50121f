namespace Build.Deploy;

/// <summary>
/// Gateway mode's part of the cluster preflight: the Gateway API's HTTPRoute CRD is installed, and the Gateway the
/// chart's parentRefs name exists and admits the release's namespace — each missing piece named with its fix, before
/// helm runs. (Whether the route became Accepted after a change is the rollout's concern, not the preflight's.)
/// </summary>
public sealed partial class Deployment
{
    /// <summary>The CRD the chart's HTTPRoute needs (gateway.networking.k8s.io, standard channel).</summary>
    public const string HttpRouteCrd = "httproutes.gateway.networking.k8s.io";

    /// <summary>
    /// gateway-api v1.4.0 site-src/guides/index.md (read 2026-12-07): the standard channel's install.
    /// </summary>
    public const string GatewayApiInstall = "kubectl apply -f " +
        "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.4.0/standard-install.yaml";

    private IEnumerable<string> GatewayProblems(
        bool namespaceExists, Func<TimeSpan> left, Func<ToolResult, Exception> unreachable)
    {
        if ((ChartValue(ChartNames.TrafficProvider) ?? ChartNames.GatewayProvider) != ChartNames.GatewayProvider)
        {
            yield break;
        }
        if (!_cluster.Exists("customresourcedefinition", HttpRouteCrd, namespaced: false, left(), unreachable))
        {
            yield return $"The Gateway API is not installed (no CRD {HttpRouteCrd}), " +
                         "so the chart's HTTPRoute cannot be created: install its " +
                         $"standard channel with `{GatewayApiInstall}` and a Gateway controller " +
                         "(the chart's README, Cluster prerequisites), or deploy with " +
                         $"--{ArgumentNames.Set}={ChartNames.TrafficProvider}={ChartNames.IngressNginx}.";
            yield break;
        }
        var (name, gatewayNamespace) = GatewayRef;
        var gateway = _cluster.Json("gateway", name, gatewayNamespace, left(), unreachable);
        if (context.DryRun)
        {
            yield break;
        }
        if (gateway is null)
        {
            yield return $"The Gateway {gatewayNamespace}/{name} " +
                         $"(chart values {ChartNames.GatewayName}, {ChartNames.GatewayNamespace}) does not exist: " +
                         "create it with a listener for the app's host (the chart's README, Cluster prerequisites), " +
                         "or point the values at yours; " +
                         $"`{_cluster.KubectlCommand("get gateways -A", namespaced: false)}` " +
                         "lists the cluster's Gateways.";
            yield break;
        }
        var labels = namespaceExists
            && _cluster.Json("namespace", settings.Release.Namespace, null, left(), unreachable) is { } ns
            ? (ns["metadata"]?["labels"] as JsonObject ?? [])
                .ToDictionary(pair => pair.Key, pair => pair.Value?.GetValue<string>() ?? "")
            // Kubernetes labels every namespace with its name (kubernetes.io/metadata.name) when it is created.
            : new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = settings.Release.Namespace };
        if (GatewayAdmission.Problem(gateway, settings.Release.Namespace, ChartValue(ChartNames.GatewaySection), labels)
            is { } problem)
        {
            yield return problem;
        }
    }
}
