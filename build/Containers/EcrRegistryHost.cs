using System.Text.RegularExpressions;

namespace Build.Containers;

/// <summary>
/// A private ECR registry, told by its host name <c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com</c>: its
/// repositories sit right below the host (no owner), and docker logs in with <c>aws ecr get-login-password</c>.
/// </summary>
public sealed partial record EcrRegistryHost(string Host, string Account, string Region)
{
    /// <summary>The user name ECR's login password goes with.</summary>
    public const string LoginUser = "AWS";

    public static EcrRegistryHost? TryParse(string? registry) =>
        registry is not null && Pattern().Match(registry.Trim()) is { Success: true } match
            ? new EcrRegistryHost(registry.Trim(), match.Groups[1].Value, match.Groups[2].Value)
            : null;

    [GeneratedRegex(@"^([0-9]{12})\.dkr\.ecr\.([a-z]{2}(?:-[a-z]+)+-[0-9])\.amazonaws\.com$")]
    private static partial Regex Pattern();
}
