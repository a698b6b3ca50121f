namespace Sample.Tests.Helm;

/// <summary>Inputs the pipeline passes to the chart, as the tests pass them.</summary>
internal static class ChartValues
{
    public const string Sha = "4f1c2b9e7d3a5c6e8f0a1b2c3d4e5f6a7b8c9d0e";
    public const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    public const string StableRelease = "sovd-webapp";
    public const string CanaryRelease = "sovd-webapp-canary";
    public const string Gateway = "gateway";
    public const string IngressNginx = "ingress-nginx";
    public const string CanaryHeader = "X-Canary";

    public static readonly string[] ShaTags = [$"backend.image.tag={Sha}", $"frontend.image.tag={Sha}"];

    /// <summary>The canary release at one step: its pods sized for <paramref name="weight"/>.</summary>
    public static string[] Canary(int weight) =>
        [.. ShaTags, "canary.enabled=true", $"canary.weight={weight}"];

    /// <summary>The stable release while its canary is live: it routes <paramref name="weight"/> % to the canary.</summary>
    public static string[] LiveCanary(int weight, string provider = Gateway) =>
        [.. ShaTags, "canary.live=true", $"canary.weight={weight}", $"traffic.provider={provider}"];

    public static string[] Provider(string provider) => [.. ShaTags, $"traffic.provider={provider}"];
}
