namespace Build.Tools.DockerCompose;

/// <summary><c>down</c>.</summary>
public sealed class DockerComposeDownSettings : DockerComposeSettings
{
    /// <summary><c>-v</c>: also remove the project's named volumes.</summary>
    public bool RemoveVolumes { get; init; } = true;

    /// <summary><c>--remove-orphans</c>.</summary>
    public bool RemoveOrphans { get; init; } = true;
}
