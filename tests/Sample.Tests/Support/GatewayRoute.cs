using YamlDotNet.RepresentationModel;

namespace Sample.Tests.Support;

/// <summary>A backend an HTTPRoute rule sends requests to, with its weight (Gateway API's default is 1).</summary>
public sealed record WeightedBackend(string Service, int Port, int Weight);

/// <summary>
/// Which rule of a rendered HTTPRoute a request takes, by Gateway API's match precedence for the fields the chart
/// uses: the longest matching PathPrefix wins, then the match with more header matches, then the earlier rule.
/// PathPrefix matches whole path elements ("/api" matches "/api" and "/api/v1", not "/apix").
/// </summary>
public sealed class GatewayRoute(Manifest route)
{
    public Manifest Manifest { get; } = route;

    public IReadOnlyList<YamlNode> Rules => Manifest.Root.Sequence("spec", "rules");

    /// <summary>The backends of the rule the request takes; throws when no rule matches.</summary>
    public IReadOnlyList<WeightedBackend> BackendsFor(string path, IReadOnlyDictionary<string, string>? headers = null)
    {
        headers ??= new Dictionary<string, string>();
        var best = Rules
            .SelectMany((rule, order) => rule.Sequence("matches").Select(match => (rule, order, match)))
            .Where(candidate => PathMatches(candidate.match, path) && HeadersMatch(candidate.match, headers))
            .OrderByDescending(candidate => candidate.match.Scalar("path", "value")!.Length)
            .ThenByDescending(candidate => candidate.match.Sequence("headers").Count)
            .ThenBy(candidate => candidate.order)
            .Select(candidate => candidate.rule)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"No rule of HTTPRoute/{Manifest.Name} matches {path}.");
        return Backends(best);
    }

    public static IReadOnlyList<WeightedBackend> Backends(YamlNode rule) =>
        rule.Sequence("backendRefs").Select(reference => new WeightedBackend(
            reference.Scalar("name")!,
            int.Parse(reference.Scalar("port")!, System.Globalization.CultureInfo.InvariantCulture),
            reference.Scalar("weight") is { } weight ? int.Parse(weight, System.Globalization.CultureInfo.InvariantCulture) : 1))
        .ToList();

    private static bool PathMatches(YamlNode match, string path)
    {
        match.Scalar("path", "type").Should().Be("PathPrefix", "the chart only renders PathPrefix matches");
        var prefix = match.Scalar("path", "value")!.TrimEnd('/');
        return prefix.Length == 0 || path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);
    }

    private static bool HeadersMatch(YamlNode match, IReadOnlyDictionary<string, string> headers) =>
        match.Sequence("headers").All(header =>
            header.Scalar("type") is null or "Exact"
            && headers.Any(sent => string.Equals(sent.Key, header.Scalar("name"), StringComparison.OrdinalIgnoreCase)
                && sent.Value == header.Scalar("value")));
}
