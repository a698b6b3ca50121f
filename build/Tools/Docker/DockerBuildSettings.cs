using Cake.Core.IO;

namespace Build.Tools.Docker;

/// <summary><c>docker build</c>.</summary>
public sealed class DockerBuildSettings : DockerSettings
{
    /// <summary>The build context directory (last argument). Required.</summary>
    public DirectoryPath? Context { get; init; }

    /// <summary><c>-f &lt;Dockerfile&gt;</c>; unset: <c>Dockerfile</c> in the context.</summary>
    public FilePath? Dockerfile { get; init; }

    /// <summary><c>-t &lt;image:tag&gt;</c> each, in order.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary><c>--label key=value</c> each (OCI labels such as <c>org.opencontainers.image.revision</c>), ordered by key.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--build-arg key=value</c> each, ordered by key. Build args end up in the image history: never put secrets here.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary><c>--cache-from &lt;image&gt;</c> each.</summary>
    public IReadOnlyList<string> CacheFrom { get; init; } = [];

    /// <summary><c>--pull=true|false</c>; unset leaves docker's default. <c>false</c> builds from local base images only.</summary>
    public bool? Pull { get; init; }

    /// <summary><c>--target &lt;stage&gt;</c>.</summary>
    public string? Target { get; init; }

    /// <summary><c>--no-cache</c>.</summary>
    public bool NoCache { get; init; }

    /// <summary><c>--iidfile &lt;file&gt;</c>: the built image id, written by docker.</summary>
    public FilePath? ImageIdFile { get; init; }

    /// <summary>Sets <c>DOCKER_BUILDKIT=1|0</c> for this call; unset leaves the environment alone.</summary>
    public bool? BuildKit { get; init; }
}
