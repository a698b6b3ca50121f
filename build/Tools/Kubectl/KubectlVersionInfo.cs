namespace Build.Tools.Kubectl;

/// <summary>
/// One side of <c>kubectl version -o json</c>: <c>{"major": "1", "minor": "35", "gitVersion": "v1.35.2", …}</c>.
/// </summary>
/// <param name="Minor">The minor number; managed clusters may print it with a suffix (EKS: <c>"32+"</c>), which is
/// dropped.</param>
public sealed record KubeVersion(int Major, int Minor, string GitVersion)
{
    public override string ToString() => GitVersion;
}

/// <summary>
/// What <c>kubectl version -o json</c> prints: <c>clientVersion</c> always, <c>serverVersion</c> when the cluster
/// answered (kubectl still prints the client side, and exits non-zero, when it did not).
/// </summary>
public sealed record KubectlVersionInfo(KubeVersion? Client, KubeVersion? Server)
{
    public static KubectlVersionInfo Parse(string json)
    {
        try
        {
            var raw = JsonSerializer.Deserialize<Raw>(json, JsonSerializerOptions.Web);
            return new KubectlVersionInfo(raw?.ClientVersion?.Version(), raw?.ServerVersion?.Version());
        }
        catch (JsonException)
        {
            return new KubectlVersionInfo(null, null);
        }
    }

    private sealed record Raw(RawSide? ClientVersion, RawSide? ServerVersion);

    private sealed record RawSide(string? Major, string? Minor, string? GitVersion)
    {
        public KubeVersion? Version() => Number(Major) is { } major && Number(Minor) is { } minor
            ? new KubeVersion(major, minor, GitVersion ?? $"v{major}.{minor}")
            : null;

        private static int? Number(string? text) =>
            int.TryParse(new string((text ?? "").TakeWhile(char.IsAsciiDigit).ToArray()), NumberStyles.None,
                CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
