namespace Build.Tools.DockerCompose;

/// <summary>Which Compose CLI runs the project.</summary>
public enum ComposeVariant
{
    /// <summary>Compose v2, the <c>docker compose</c> CLI plugin.</summary>
    Plugin,

    /// <summary>Compose v1, the standalone <c>docker-compose</c> (Debian's package is 1.29).</summary>
    Standalone,
}
