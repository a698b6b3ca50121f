namespace Build.Deploy;

/// <summary>
/// A kind the chart renders, as RBAC and <c>kubectl auth can-i</c> name it: the lower-case plural resource and its
/// API group ("" for the core group).
/// </summary>
public sealed record KubeResource(string Group, string Resource)
{
    /// <summary>
    /// The resource of a kind by Kubernetes' naming convention, the one apimachinery's
    /// <c>meta.UnsafeGuessKindToResource</c> applies: lower case, then "s", "es" after s/x/z/ch/sh, "ies" for a
    /// consonant + y. Custom resources may declare other plurals; the chart's kinds follow the convention.
    /// </summary>
    public static KubeResource Of(string apiVersion, string kind)
    {
        var group = apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";
        var singular = kind.ToLowerInvariant();
        var plural = singular switch
        {
            _ when singular.EndsWith('s') || singular.EndsWith('x') || singular.EndsWith('z')
                || singular.EndsWith("ch", StringComparison.Ordinal)
                || singular.EndsWith("sh", StringComparison.Ordinal) => $"{singular}es",
            _ when singular.Length > 1 && singular.EndsWith('y') && !"aeiou".Contains(singular[^2]) =>
                $"{singular[..^1]}ies",
            _ => $"{singular}s",
        };
        return new KubeResource(group, plural);
    }

    /// <summary>The resource as <c>kubectl auth can-i</c> takes it: deployments.apps, services.</summary>
    public string CanIName => Group.Length == 0 ? Resource : $"{Resource.Split('/')[0]}.{Group}";

    public override string ToString() => CanIName;
}
