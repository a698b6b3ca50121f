namespace Build.Tools.Kubectl;

/// <summary>One side of <c>kubectl version -o json</c>: <c>{"major": "1", "minor": "35", "gitVersion": "v1.35.2", …}</c>.</summary>
/// <param name="Minor">The minor number; managed clusters may print it with a suffix (EKS: <c>"32+"</c>), which is dropped.</param>
public sealed record KubeVersion(int Major, int Minor, string GitVersion)
{
    public override string ToString() => GitVersion;
}

/// <summary>
/// What <c>kubectl version -o json</c> prints: <c>clientVersion</c> always, <c>serverVersion</c> when the cluster answered
/// (kubectl still prints the client side, and exits non-zero, when it did not).
/// </summary>
public sealed record KubectlVersionInfo(KubeVersion? Client, KubeVersion? Server)
{
    public static KubectlVersionInfo Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new KubectlVersionInfo(null, null);
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? new KubectlVersionInfo(Side(root, "clientVersion"), Side(root, "serverVersion"))
                : new KubectlVersionInfo(null, null);
        }
        catch (JsonException)
        {
            return new KubectlVersionInfo(null, null);
        }
    }

    private static KubeVersion? Side(JsonElement root, string name) =>
        root.TryGetProperty(name, out var side) && side.ValueKind == JsonValueKind.Object
            && Number(side, "major") is { } major && Number(side, "minor") is { } minor
            ? new KubeVersion(major, minor, side.TryGetProperty("gitVersion", out var git) && git.ValueKind == JsonValueKind.String ? git.GetString()! : $"v{major}.{minor}")
            : null;

    private static int? Number(JsonElement side, string name)
    {
        if (!side.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        var digits = new string(value.GetString()!.TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
