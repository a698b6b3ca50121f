namespace Pipeline.Definition.Workflows;

/// <summary>
/// An action pinned to a full commit SHA. <paramref name="Version"/> is the release tag the SHA belongs to,
/// written as a comment beside the pin; <paramref name="Source"/> says where the SHA was confirmed.
/// </summary>
public sealed record ActionRef(string Repository, string Version, string Sha, string Source)
{
    public string Reference => $"{Repository}@{Sha}";
}
