using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Build.Deploy;

/// <summary>
/// Every way a deploy renders the chart: each environment of the definition's deploy stages, each traffic provider and
/// Gateway controller the chart's values.schema.json allows, and each release the deploy installs — the stable
/// release as first installed and as promoted (its traffic objects left to the route release), the route release
/// (<c>&lt;release&gt;-route</c>) routing every request to stable and each canary weight, and the canary release at
/// each weight. The kinds these renders hold (<c>helm template</c>, the real one) are what the deploy identity must
/// manage.
/// </summary>
public sealed record ChartRender(string Release, string Environment, IReadOnlyDictionary<string, string> Values)
{
    public static IReadOnlyList<ChartRender> All(
        PipelineDefinition pipeline, DirectoryPath chart, string release = ChartNames.Chart)
    {
        var deploys = pipeline.Stages
            .Where(stage => stage is { Environment: not null, DeployTimeouts: not null })
            .ToList();
        return
        [
            .. from stage in deploys
               from mode in TrafficModes(chart)
               from render in ForStage(stage, mode, release)
               select render,
        ];
    }

    /// <summary>The kinds of every render, each once, in a stable order.</summary>
    public static IReadOnlyList<KubeResource> Resources(
        BuildContext context, DirectoryPath chart, IEnumerable<ChartRender> renders, HelmSettings helm)
    {
        var found = new SortedSet<KubeResource>(
            Comparer<KubeResource>.Create((a, b) => string.CompareOrdinal(a.CanIName, b.CanIName)));
        foreach (var render in renders)
        {
            var manifests = context.HelmTemplate(render.Release, chart.FullPath,
                [chart.CombineWithFilePath($"values-{render.Environment}.yaml")], render.Values, helm);
            found.UnionWith(KindsIn(manifests.Output, render));
        }
        return found.Count > 0 || context.DryRun
            ? [.. found]
            : throw new CakeException(
                $"helm template rendered no objects from {chart.FullPath}: the RBAC manifest cannot be derived.");
    }

    public override string ToString() =>
        $"helm template {Release} -f values-{Environment}.yaml " +
        $"{string.Join(' ', Values.Select(pair => $"--set {pair.Key}={pair.Value}"))}";

    /// <summary>
    /// One value set per traffic mode: ingress-nginx, and gateway with each controller. Read from the chart's schema so
    /// a provider or controller added there is rendered here without a second list to keep.
    /// </summary>
    private static IEnumerable<Dictionary<string, string>> TrafficModes(DirectoryPath chart)
    {
        var schema = JsonNode.Parse(File.ReadAllText(chart.CombineWithFilePath("values.schema.json").FullPath));
        var traffic = schema?["properties"]?["traffic"]?["properties"];
        string[] Enum(JsonNode? node) => node?["enum"]?.AsArray().Select(value => value!.GetValue<string>()).ToArray()
            ?? throw new CakeException(
                $"{chart.FullPath}/values.schema.json has no enum at {node?.GetPath() ?? "traffic"}: " +
                "the RBAC renders need it.");
        var controllers = Enum(traffic?["gateway"]?["properties"]?["controller"]);
        return from provider in Enum(traffic?["provider"])
               from controller in provider == ChartNames.GatewayProvider ? controllers : [""]
               select controller.Length == 0
                   ? new Dictionary<string, string> { [ChartNames.TrafficProvider] = provider }
                   : new Dictionary<string, string>
                   {
                       [ChartNames.TrafficProvider] = provider,
                       [ChartNames.GatewayController] = controller,
                   };
    }

    // The values Deployment.Canary.cs and Deployment.Route.cs set on each release.
    private static IEnumerable<ChartRender> ForStage(Stage stage, Dictionary<string, string> mode, string release)
    {
        var environment = stage.Environment!.Name;
        ChartRender Render(string name, Dictionary<string, string> values) =>
            new(name, environment, new Dictionary<string, string>(mode).Concat(values).ToDictionary());
        yield return Render(release, []);
        yield return Render(release, new() { [ChartNames.TrafficEnabled] = "false" });
        yield return Render(release, new() { [ChartNames.ServiceMonitorEnabled] = "true" });
        var route = $"{release}-route";
        yield return Render(route, new() { [ChartNames.RouteFor] = release });
        foreach (var weight in
            stage.DeployTimeouts!.CanaryWeights.Select(w => w.ToString(CultureInfo.InvariantCulture)))
        {
            yield return Render(route, new()
            {
                [ChartNames.RouteFor] = release,
                [ChartNames.CanaryLive] = "true",
                [ChartNames.CanaryWeight] = weight,
                [ChartNames.CanaryHeaderName] = CanaryHeader.Default.Name,
            });
            yield return Render($"{release}-canary",
                new() { [ChartNames.CanaryEnabled] = "true", [ChartNames.CanaryWeight] = weight });
        }
    }

    private static IEnumerable<KubeResource> KindsIn(string manifests, ChartRender render)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(manifests));
        }
        catch (YamlDotNet.Core.YamlException error)
        {
            throw new CakeException($"`{render}` printed something that is not YAML: {error.Message}");
        }
        foreach (var document in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
        {
            string? Text(string key) => document.Children.TryGetValue(new YamlScalarNode(key), out var node)
                ? (node as YamlScalarNode)?.Value
                : null;
            if (Text("kind") is { Length: > 0 } kind && Text("apiVersion") is { Length: > 0 } apiVersion)
            {
                yield return KubeResource.Of(apiVersion, kind);
            }
        }
    }
}
