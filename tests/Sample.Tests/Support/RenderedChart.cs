using YamlDotNet.RepresentationModel;

namespace Sample.Tests.Support;

/// <summary>One Kubernetes object from a rendered chart.</summary>
public sealed record Manifest(string Kind, string Name, YamlMappingNode Root)
{
    public string? Scalar(params string[] path) => Root.Scalar(path);

    public IReadOnlyDictionary<string, string> Labels => Root.StringMap("metadata", "labels");

    public IReadOnlyDictionary<string, string> Annotations => Root.StringMap("metadata", "annotations");

    /// <summary>The pod template's spec; only for workloads.</summary>
    public YamlMappingNode PodSpec => Root.Mapping("spec", "template", "spec")
        ?? throw new InvalidOperationException($"{Kind}/{Name} has no pod template.");

    public IEnumerable<YamlMappingNode> Containers => PodSpec.Sequence("containers").Cast<YamlMappingNode>();

    /// <summary>The object as YAML text, for whole-object comparisons.</summary>
    public string Yaml()
    {
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(Root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}

/// <summary>All documents of one `helm template` run.</summary>
public sealed class RenderedChart
{
    private RenderedChart(IReadOnlyList<Manifest> manifests) => Manifests = manifests;

    public IReadOnlyList<Manifest> Manifests { get; }

    public IEnumerable<Manifest> OfKind(string kind) => Manifests.Where(m => m.Kind == kind);

    public Manifest Single(string kind, string name) =>
        Manifests.SingleOrDefault(m => m.Kind == kind && m.Name == name)
        ?? throw new InvalidOperationException(
            $"No {kind}/{name}; rendered: {string.Join(", ", Manifests.Select(m => $"{m.Kind}/{m.Name}"))}");

    public IEnumerable<Manifest> Deployments => OfKind("Deployment");

    public static RenderedChart Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var manifests = stream.Documents
            .Select(document => document.RootNode)
            .OfType<YamlMappingNode>()
            .Select(root => new Manifest(
                root.Scalar("kind") ?? throw new InvalidOperationException("A rendered document has no kind."),
                root.Scalar("metadata", "name") ?? throw new InvalidOperationException("A rendered document has no name."),
                root))
            .ToList();
        return new RenderedChart(manifests);
    }
}

/// <summary>Path navigation over YamlDotNet nodes; a missing step yields null or empty.</summary>
public static class YamlNodeExtensions
{
    public static YamlNode? Node(this YamlNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }

        return current;
    }

    public static string? Scalar(this YamlNode node, params string[] path) => (node.Node(path) as YamlScalarNode)?.Value;

    public static YamlMappingNode? Mapping(this YamlNode node, params string[] path) => node.Node(path) as YamlMappingNode;

    public static IReadOnlyList<YamlNode> Sequence(this YamlNode node, params string[] path) =>
        node.Node(path) is YamlSequenceNode sequence ? sequence.Children.ToList() : [];

    public static IReadOnlyDictionary<string, string> StringMap(this YamlNode node, params string[] path) =>
        node.Mapping(path)?.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? string.Empty,
            pair => (pair.Value as YamlScalarNode)?.Value ?? string.Empty)
        ?? new Dictionary<string, string>();
}
