using System.Text.Json;

namespace Build.Deploy;

/// <summary>
/// The image values a release runs now ($OLD in the chart's README), from <c>helm get values -o json</c>. A canary step
/// upgrades the stable release to move the traffic split and passes these again, so its pods keep their images and
/// only its traffic objects change. Passed explicitly rather than with <c>--reuse-values</c>, which would also reuse
/// values of an older chart that its schema now rejects.
/// </summary>
public static class CurrentImages
{
    public static IReadOnlyDictionary<string, string> Of(DeployRun run, string release)
    {
        if (run.Cluster.UserValues(release) is not { } json)
        {
            run.Context.Information($"[dry-run] the images {release} runs now are unknown: each weight step re-passes them, whatever `helm get values {release}` says.");
            return new Dictionary<string, string>();
        }
        return Parse(json, release);
    }

    /// <summary>The <see cref="ChartNames.ImageValues"/> present in helm's JSON; the chart's defaults cover the rest.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string json, string release)
    {
        var values = new Dictionary<string, string>();
        try
        {
            using var document = JsonDocument.Parse(json.Trim().Length == 0 ? "null" : json);
            foreach (var path in ChartNames.ImageValues)
            {
                if (Find(document.RootElement, path.Split('.')) is { } value)
                {
                    values[path] = value;
                }
            }
        }
        catch (JsonException error)
        {
            throw new DeployException($"`helm get values {release} -o json` did not print JSON ({error.Message}); the stable release's images are unknown, so no weight step can keep them.", error);
        }
        return values;
    }

    private static string? Find(JsonElement element, string[] keys)
    {
        foreach (var key in keys)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element))
            {
                return null;
            }
        }
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
    }
}
