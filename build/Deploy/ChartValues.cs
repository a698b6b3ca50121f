using YamlDotNet.RepresentationModel;

namespace Build.Deploy;

/// <summary>
/// The chart's values as helm merges them for a deploy: values.yaml, the environment's file, the extra
/// <c>--values</c> files, then <c>--set</c>; read for what the preflight and the canary need to know
/// (the traffic mode and its TLS secret).
/// </summary>
public sealed class ChartValues
{
    private readonly List<YamlMappingNode> _layers;
    private readonly IReadOnlyDictionary<string, string> _set;

    private ChartValues(List<YamlMappingNode> layers, IReadOnlyDictionary<string, string> set)
    {
        _layers = layers;
        _set = set;
    }

    public static ChartValues Load(DeploySettings settings)
    {
        var files = new[] { settings.Chart.CombineWithFilePath("values.yaml"), settings.ValuesFile }.Concat(settings.ExtraValuesFiles);
        var layers = new List<YamlMappingNode>();
        foreach (var file in files.Where(file => File.Exists(file.FullPath)))
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(file.FullPath));
            try
            {
                stream.Load(reader);
            }
            catch (YamlDotNet.Core.YamlException error)
            {
                throw new DeployException($"{file.FullPath} is not valid YAML ({error.Message}); helm would refuse it too.", error);
            }
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root)
            {
                layers.Add(root);
            }
        }
        return new ChartValues(layers, settings.ExtraSetValues);
    }

    /// <summary>The scalar at a dotted path (e.g. <c>traffic.ingress.tls.secretName</c>) from the last layer that has it.</summary>
    public string? Get(string path)
    {
        if (_set.TryGetValue(path, out var set))
        {
            return set;
        }
        for (var i = _layers.Count - 1; i >= 0; i--)
        {
            if (Find(_layers[i], path.Split('.')) is YamlScalarNode { Value: { } value })
            {
                return value;
            }
        }
        return null;
    }

    private static YamlNode? Find(YamlMappingNode node, string[] keys)
    {
        YamlNode? current = node;
        foreach (var key in keys)
        {
            if (current is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out current))
            {
                return null;
            }
        }
        return current;
    }
}
