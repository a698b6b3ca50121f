namespace Build.Tools.Docker;

/// <summary>What <c>docker push</c> produced: the registry's manifest digest (<c>sha256:…</c>), when known.</summary>
public sealed record DockerPushResult(ToolResult Result, string? Digest)
{
    /// <summary><c>repository@sha256:…</c>, the immutable reference to deploy, or <c>null</c> without a digest.</summary>
    public string? PinnedReference(string image) => Digest is null ? null : $"{DockerOutputParser.Repository(image)}@{Digest}";
}
