namespace Build.Tools.DockerCompose;

/// <summary><c>up</c>. Compose v1 has no working <c>--wait</c>: poll <see cref="DockerComposeRunner.ContainerStatuses"/> instead.</summary>
public sealed class DockerComposeUpSettings : DockerComposeSettings
{
    /// <summary><c>-d</c>.</summary>
    public bool Detach { get; init; } = true;

    public ComposeBuildMode Build { get; init; } = ComposeBuildMode.Default;

    /// <summary>Services to start; empty starts all.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
}
