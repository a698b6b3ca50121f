namespace Pipeline.Definition.Workflows;

/// <summary>
/// An action pinned to a full commit SHA. <paramref name="Version"/> is the release tag the SHA belongs to,
/// written as a comment beside the pin; <paramref name="Runtime"/> is its action.yml's <c>runs.using</c> at that tag;
/// <paramref name="Source"/> says where and when SHA and runtime were confirmed.
/// </summary>
public sealed record ActionRef(string Repository, string Version, string Sha, ActionRuntime Runtime, string Source)
{
    public string Reference => $"{Repository}@{Sha}";
}
