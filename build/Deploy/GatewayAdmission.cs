namespace Build.Deploy;

/// <summary>
/// Whether a Gateway lets an HTTPRoute of a namespace attach: any of its listeners (only the one named by the route's
/// sectionName, when set) whose <c>allowedRoutes.namespaces.from</c> admits it — <c>Same</c> (the default) the
/// Gateway's own namespace, <c>All</c> every namespace, <c>Selector</c> the namespaces whose labels match its label
/// selector, <c>None</c> none (gateway-api v1.4.0 apis/v1/gateway_types.go, RouteNamespaces, read 2026-12-07).
/// </summary>
public static class GatewayAdmission
{
    /// <summary>
    /// Null when admitted; else why not, naming each listener's rule and the change that admits the namespace.
    /// </summary>
    public static string? Problem(JsonNode gateway, string routeNamespace, string? sectionName,
        IReadOnlyDictionary<string, string> namespaceLabels)
    {
        var name = gateway["metadata"]?["name"]?.GetValue<string>() ?? "?";
        var gatewayNamespace = gateway["metadata"]?["namespace"]?.GetValue<string>() ?? routeNamespace;
        var listeners = (gateway["spec"]?["listeners"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(listener =>
                sectionName is not { Length: > 0 } || listener["name"]?.GetValue<string>() == sectionName)
            .ToList();
        if (listeners.Count == 0)
        {
            return $"The Gateway {gatewayNamespace}/{name} has no listener" +
                   (sectionName is { Length: > 0 }
                       ? $" named {sectionName} (chart value traffic.gateway.sectionName)"
                       : "") +
                   ": add one for HTTPS on the app's host, or change traffic.gateway.sectionName.";
        }
        var rules = listeners
            .Select(listener => (
                Listener: listener["name"]?.GetValue<string>() ?? "?",
                Namespaces: listener["allowedRoutes"]?["namespaces"]))
            .ToList();
        if (rules.Any(rule => Admits(rule.Namespaces, gatewayNamespace, routeNamespace, namespaceLabels)))
        {
            return null;
        }
        var described = string.Join(", ",
            rules.Select(rule => $"listener {rule.Listener}: from {From(rule.Namespaces)}"));
        return $"The Gateway {gatewayNamespace}/{name} admits no HTTPRoute from the namespace {routeNamespace} " +
               $"({described}): set the listener's allowedRoutes.namespaces.from to All, or to Selector with a " +
               $"selector that {routeNamespace}'s labels match (e.g. `kubectl label namespace {routeNamespace} " +
               $"<key>=<value>` for a matchLabels selector), or route through a Gateway in {routeNamespace}.";
    }

    private static string From(JsonNode? namespaces) => namespaces?["from"]?.GetValue<string>() ?? "Same";

    private static bool Admits(JsonNode? namespaces, string gatewayNamespace, string routeNamespace,
        IReadOnlyDictionary<string, string> labels) =>
        From(namespaces) switch
        {
            "All" => true,
            "Same" => gatewayNamespace == routeNamespace,
            "Selector" => Matches(namespaces?["selector"], labels),
            _ => false,
        };

    /// <summary>
    /// A Kubernetes label selector: every matchLabels pair and every matchExpressions requirement must hold.
    /// </summary>
    private static bool Matches(JsonNode? selector, IReadOnlyDictionary<string, string> labels)
    {
        var matchLabels = (selector?["matchLabels"] as JsonObject ?? [])
            .All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value?.GetValue<string>());
        var expressions = (selector?["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>().All(expression =>
        {
            var key = expression["key"]?.GetValue<string>() ?? "";
            var values = (expression["values"] as JsonArray ?? []).Select(value => value?.GetValue<string>()).ToList();
            var present = labels.TryGetValue(key, out var actual);
            return expression["operator"]?.GetValue<string>() switch
            {
                "In" => present && values.Contains(actual),
                "NotIn" => !present || !values.Contains(actual),
                "Exists" => present,
                "DoesNotExist" => !present,
                _ => false,
            };
        });
        return selector is not null && matchLabels && expressions;
    }
}
