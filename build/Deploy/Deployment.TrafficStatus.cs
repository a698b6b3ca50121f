using YamlDotNet.RepresentationModel;

namespace Build.Deploy;

/// <summary>
/// Part of the failure diagnostics: where requests are sent. In gateway mode the stable release's HTTPRoute, whose
/// <c>status.parents[].conditions</c> say whether the Gateway accepted it and resolved its backends (Accepted,
/// ResolvedRefs: Gateway API v1 <c>RouteParentStatus</c>), and the Gateway it names, whose status holds its addresses
/// and listeners; in ingress-nginx mode the release's Ingresses (their load-balancer address). Saved as YAML next to
/// the pods' diagnostics, with one log line per route parent.
/// </summary>
public sealed partial class Deployment
{
    // The traffic objects belong to the route release; ones adopted from stable keep stable's label until re-rendered.
    private string ReleaseSelector =>
        $"{ChartNames.InstanceLabel} in ({settings.Release.Name},{settings.Release.RouteName})";

    private bool IngressMode => ChartValue(ChartNames.TrafficProvider) == ChartNames.IngressNginx;

    /// <summary>
    /// The Gateway named in the values (traffic.gateway.name/.namespace; an empty namespace is the release's).
    /// </summary>
    private (string Name, string Namespace) GatewayRef =>
        (ChartValue(ChartNames.GatewayName) is { Length: > 0 } given ? given : "sovd-gateway",
         ChartValue(ChartNames.GatewayNamespace) is { Length: > 0 } gatewayNamespace
             ? gatewayNamespace
             : settings.Release.Namespace);

    private void SaveTrafficStatus(Action<string, ToolResult> save, Func<TimeSpan> left)
    {
        if (IngressMode)
        {
            save("ingresses.yaml",
                context.KubectlGet("ingresses", ReleaseSelector, KubectlOutputFormat.Yaml, _cluster.Kubectl(left())));
            return;
        }
        var routes =
            context.KubectlGet("httproutes", ReleaseSelector, KubectlOutputFormat.Yaml, _cluster.Kubectl(left()));
        save("httproutes.yaml", routes);
        var (name, gatewayNamespace) = GatewayRef;
        var inGatewayNamespace = _cluster.Kubectl(left());
        inGatewayNamespace = new KubectlSettings
        {
            Target = inGatewayNamespace.Target with { Namespace = gatewayNamespace },
            ToolTimeout = inGatewayNamespace.ToolTimeout,
        };
        save("gateway.yaml", context.KubectlGetNamed("gateways", name, KubectlOutputFormat.Yaml, inGatewayNamespace));
        foreach (var line in RouteConditions(routes.Output))
        {
            context.Error(line);
        }
    }

    /// <summary>The commands <see cref="SaveTrafficStatus"/> runs, for the dry run's plan.</summary>
    private IEnumerable<string> TrafficStatusCommands()
    {
        if (IngressMode)
        {
            return [_cluster.KubectlCommand($"get ingresses -l {ReleaseSelector} -o yaml")];
        }
        var (name, gatewayNamespace) = GatewayRef;
        return
        [
            _cluster.KubectlCommand($"get httproutes -l {ReleaseSelector} -o yaml"),
            _cluster.KubectlCommand($"get gateways {name} -o yaml -n {gatewayNamespace}", namespaced: false),
        ];
    }

    /// <summary>
    /// "HTTPRoute R, parent Gateway G: Accepted=True, ResolvedRefs=False (BackendNotFound: …)" per route parent.
    /// </summary>
    internal static IEnumerable<string> RouteConditions(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return [];
        }
        var root = stream.Documents.FirstOrDefault()?.RootNode;
        var routes = Child(root, "kind") is YamlScalarNode { Value: "List" } ? Items(Child(root, "items")) : [root];
        return from route in routes
               let name = Scalar(Child(route, "metadata"), "name") ?? "?"
               let parents = Items(Child(Child(route, "status"), "parents")).ToList()
               from parent in parents.Count > 0
                   ? parents.Select(Describe)
                   : ["no status from any Gateway controller (is one running?)"]
               select $"  HTTPRoute {name}, {parent}";
    }

    private static string Describe(YamlNode? parent)
    {
        var conditions = Items(Child(parent, "conditions")).Select(condition =>
        {
            var status = $"{Scalar(condition, "type")}={Scalar(condition, "status")}";
            return Scalar(condition, "status") == "True"
                ? status
                : $"{status} ({Scalar(condition, "reason")}: {Scalar(condition, "message")})";
        });
        return $"parent Gateway {Scalar(Child(parent, "parentRef"), "name") ?? "?"}: {string.Join(", ", conditions)}";
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? child
            : null;

    private static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode?> Items(YamlNode? node) =>
        node is YamlSequenceNode sequence ? sequence.Children : [];
}
