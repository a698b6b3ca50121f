namespace Build.Tools.Docker;

/// <summary><c>docker ps</c>, <c>docker network ls</c>, <c>docker volume ls</c>. Output is captured (ids with <see cref="Quiet"/>).</summary>
public sealed class DockerListSettings : DockerSettings
{
    public IReadOnlyList<DockerFilter> Filters { get; init; } = [];

    /// <summary><c>-q</c>: ids (names for volumes) only.</summary>
    public bool Quiet { get; init; } = true;

    /// <summary><c>-a</c>: include stopped containers (<c>docker ps</c> only).</summary>
    public bool All { get; init; }

    /// <summary><c>--format &lt;go template&gt;</c>.</summary>
    public string? Format { get; init; }
}
