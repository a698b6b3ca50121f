namespace Build.Deploy;

/// <summary>The Gateway our HTTPRoute attaches to, as its <c>parentRefs</c> entry names it.</summary>
public sealed record RouteParent(string Name, string Namespace, string? SectionName)
{
    public override string ToString() =>
        $"Gateway {Namespace}/{Name}{(SectionName is { } section ? $" (listener {section})" : "")}";
}

/// <summary>
/// Reads whether a route change has reached the traffic controller, from <c>kubectl get … -o json</c>. Gateway API
/// v1.4.0 (<c>apis/v1/shared_types.go</c>, <c>RouteParentStatus</c>, read 2026-12-07): each controller writes one
/// <c>status.parents[]</c> entry per parentRef, with the conditions <c>Accepted</c> ("at least one of the Route's rules
/// is implemented by the Gateway") and <c>ResolvedRefs</c> (every backendRef resolved, else BackendNotFound …), each
/// carrying the <c>observedGeneration</c> it describes: a condition older than the route's
/// <c>metadata.generation</c> is about the previous spec. An Ingress is served once the controller has published an
/// address in <c>status.loadBalancer.ingress</c>.
/// </summary>
public static class RouteStatus
{
    /// <summary>
    /// Null when our parent's entry accepts the current generation with every ref resolved; else what is missing.
    /// </summary>
    public static string? HttpRouteNotReady(string json, RouteParent ours)
    {
        var route = Parse(json);
        if (route is null)
        {
            return "the HTTPRoute does not exist";
        }
        var generation = route["metadata"]?["generation"]?.GetValue<long>() ?? 0;
        var entry = (route["status"]?["parents"]?.AsArray() ?? [])
            .FirstOrDefault(parent => IsOurs(parent?["parentRef"], ours));
        if (entry is null)
        {
            return $"no status from {ours} yet (status.parents has no entry for it)";
        }
        var missing = new[] { "Accepted", "ResolvedRefs" }
            .Select(type => Unmet(entry, type, generation))
            .OfType<string>()
            .ToList();
        return missing.Count == 0 ? null : string.Join("; ", missing);
    }

    /// <summary>Null when the Ingress has an address; else what is missing.</summary>
    public static string? IngressNotReady(string json)
    {
        var ingress = Parse(json);
        if (ingress is null)
        {
            return "the Ingress does not exist";
        }
        var addresses = ingress["status"]?["loadBalancer"]?["ingress"]?.AsArray() ?? [];
        return addresses.Any(address => address?["ip"] is not null || address?["hostname"] is not null)
            ? null
            : "no address in status.loadBalancer.ingress yet";
    }

    private static JsonNode? Parse(string json) => string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);

    // A parentRef's namespace defaults to the route's own; sectionName must match when we name one.
    private static bool IsOurs(JsonNode? parentRef, RouteParent ours) =>
        (string?)parentRef?["name"] == ours.Name
        && ((string?)parentRef?["namespace"] ?? ours.Namespace) == ours.Namespace
        && (string?)parentRef?["sectionName"] == ours.SectionName
        && ((string?)parentRef?["kind"] ?? "Gateway") == "Gateway";

    private static string? Unmet(JsonNode entry, string type, long generation)
    {
        var condition = (entry["conditions"]?.AsArray() ?? []).FirstOrDefault(found => (string?)found?["type"] == type);
        if (condition is null)
        {
            return $"{type} not reported yet";
        }
        var observed = condition["observedGeneration"]?.GetValue<long>() ?? generation;
        if (observed < generation)
        {
            return $"{type} describes generation {observed}, the route is at {generation}";
        }
        return (string?)condition["status"] == "True"
            ? null
            : $"{type}={condition["status"]} ({condition["reason"]}: {condition["message"]})";
    }
}
