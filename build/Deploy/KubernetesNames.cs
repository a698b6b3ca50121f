namespace Build.Deploy;

/// <summary>
/// The names a deploy passes to helm and kubectl, checked before any tool runs: a bad one would otherwise reach a
/// command line (<c>--release='x;rm -rf /'</c>) or fail half-way through a rollout.
/// </summary>
public static partial class KubernetesNames
{
    /// <summary>
    /// helm v4.1.4 pkg/chart/v2/util/validate_name.go (read 2026-12-07), ValidateReleaseName: at most 53 characters
    /// (63 for an object name, less 10 the chart may append) matching this pattern.
    /// </summary>
    public const int MaxReleaseLength = 53;

    /// <summary>
    /// A namespace is a DNS-1123 label (Kubernetes "Object Names and IDs"; apimachinery IsDNS1123Label): at most 63.
    /// </summary>
    public const int MaxLabelLength = 63;

    /// <summary>
    /// Problems with the namespace and release (and the canary release derived from it), each naming its setting.
    /// </summary>
    public static IEnumerable<string> Problems(string ns, string release, string canaryRelease)
    {
        if (ns.Length > MaxLabelLength || !Dns1123Label().IsMatch(ns))
        {
            yield return $"--{ArgumentNames.Namespace}='{ns}' is not a Kubernetes namespace name: " +
                         $"a DNS-1123 label of at most {MaxLabelLength} lower-case letters, digits and '-', " +
                         "starting and ending with a letter or digit (e.g. production).";
        }
        foreach (var (name, what) in new[]
        {
            (release, $"--{ArgumentNames.Release}='{release}'"),
            (canaryRelease, $"the canary release '{canaryRelease}' (--{ArgumentNames.Release} plus -canary)"),
        })
        {
            if (name.Length > MaxReleaseLength || !ReleaseName().IsMatch(name))
            {
                yield return $"{what} is not a helm release name: " +
                             $"helm accepts at most {MaxReleaseLength} characters matching " +
                             $"{ReleaseName()} (lower-case letters, digits, '-' and '.'), e.g. sovd-webapp.";
                yield break;
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex ReleaseName();
}
