namespace Build.Containers;

/// <summary>
/// An image a Dockerfile starts FROM, as the Dockerfile names it: <c>debian:trixie-slim@sha256:…</c>, read through
/// the ARG its FROM line uses (<c>ARG BASE_IMAGE=…</c>, <c>FROM ${BASE_IMAGE}</c>), which Renovate's dockerfile
/// manager bumps. <see cref="Argument"/> is null for a literal FROM.
/// </summary>
public sealed record BaseImage(string Pinned, string? Argument)
{
    /// <summary>
    /// The reference without its digest: what scripts/container-engine.sh makes where Docker Hub is unreachable.
    /// </summary>
    public string Tag => Pinned.Split('@')[0];

    public bool IsPinned => Pinned.Contains('@', StringComparison.Ordinal);

    /// <summary>
    /// The reference this engine builds from: the pinned one when the engine has it (pulled by digest), else the tag,
    /// else null (missing). On GitHub's runner docker pulls the pinned reference itself.
    /// </summary>
    public string? InEngine(ICakeContext context) =>
        context.DockerImageExists(Pinned) ? Pinned : IsPinned && context.DockerImageExists(Tag) ? Tag : null;
}
