namespace Build.Tools.DockerCompose;

/// <summary><c>ps</c>; output captured.</summary>
public sealed class DockerComposePsSettings : DockerComposeSettings
{
    /// <summary><c>-q</c>: container ids only.</summary>
    public bool Quiet { get; init; } = true;

    /// <summary><c>-a</c>: include stopped containers (v2 lists only running ones without it).</summary>
    public bool All { get; init; }

    public IReadOnlyList<string> Services { get; init; } = [];
}
