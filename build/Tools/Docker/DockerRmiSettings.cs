namespace Build.Tools.Docker;

/// <summary><c>docker rmi</c>.</summary>
public sealed class DockerRmiSettings : DockerSettings
{
    /// <summary><c>-f</c>: remove even when tagged in several repositories.</summary>
    public bool Force { get; init; }
}
