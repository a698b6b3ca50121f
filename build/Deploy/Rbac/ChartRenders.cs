using YamlDotNet.RepresentationModel;

namespace Build.Deploy;

/// <summary>
/// Every way a deploy renders the chart: each environment of the definition's deploy stages, both traffic modes, the
/// stable release as installed and routing each canary weight, and the canary release at each weight. The kinds
/// these renders hold (<c>helm template</c>, the real one) are what the deploy identity must be allowed to manage.
/// </summary>
public sealed record ChartRender(string Release, string Environment, IReadOnlyDictionary<string, string> Values)
{
    public static IReadOnlyList<ChartRender> All(PipelineDefinition pipeline, string release = ChartNames.Chart)
    {
        var canaryRelease = $"{release}-canary";
        var deploys = pipeline.Stages.Where(stage => stage is { Environment: not null, DeployTimeouts: not null }).ToList();
        return
        [
            .. from stage in deploys
               from provider in new[] { ChartNames.Gateway, ChartNames.IngressNginx }
               from render in ForStage(stage, provider, release, canaryRelease)
               select render,
        ];
    }

    /// <summary>The kinds of every render, each once, in a stable order.</summary>
    public static IReadOnlyList<KubeResource> Resources(BuildContext context, DirectoryPath chart, IEnumerable<ChartRender> renders, HelmSettings helm)
    {
        var found = new SortedSet<KubeResource>(Comparer<KubeResource>.Create((a, b) => string.CompareOrdinal(a.CanIName, b.CanIName)));
        foreach (var render in renders)
        {
            var manifests = context.HelmTemplate(render.Release, chart.FullPath, [chart.CombineWithFilePath($"values-{render.Environment}.yaml")], render.Values, helm);
            found.UnionWith(KindsIn(manifests.Output, render));
        }
        return found.Count > 0 || context.DryRun
            ? [.. found]
            : throw new CakeException($"helm template rendered no objects from {chart.FullPath}: the RBAC manifest cannot be derived.");
    }

    public override string ToString() =>
        $"helm template {Release} -f values-{Environment}.yaml {string.Join(' ', Values.Select(pair => $"--set {pair.Key}={pair.Value}"))}";

    private static IEnumerable<ChartRender> ForStage(Stage stage, string provider, string release, string canaryRelease)
    {
        var environment = stage.Environment!.Name;
        var mode = new Dictionary<string, string> { [ChartNames.TrafficProvider] = provider };
        yield return new ChartRender(release, environment, mode);
        foreach (var weight in stage.DeployTimeouts!.CanaryWeights.Select(w => w.ToString(CultureInfo.InvariantCulture)))
        {
            yield return new ChartRender(release, environment, new Dictionary<string, string>(mode)
            {
                [ChartNames.CanaryLive] = "true",
                [ChartNames.CanaryWeight] = weight,
                [ChartNames.CanaryHeaderName] = CanaryHeader.Default.Name,
            });
            yield return new ChartRender(canaryRelease, environment, new Dictionary<string, string>(mode)
            {
                [ChartNames.CanaryEnabled] = "true",
                [ChartNames.CanaryWeight] = weight,
            });
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
            string? Text(string key) => document.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;
            if (Text("kind") is { Length: > 0 } kind && Text("apiVersion") is { Length: > 0 } apiVersion)
            {
                yield return KubeResource.Of(apiVersion, kind);
            }
        }
    }
}
