namespace Build.Tools.Docker;

/// <summary>
/// Settings of a <c>docker</c> call; the command-specific settings derive from it. Throws on failure by default.
/// </summary>
public class DockerSettings : ToolRunnerSettings
{
    public static readonly ToolSpec<DockerSettings> Spec = new(
        "docker",
        "install the Docker CLI and engine: apt-get install -y docker.io, then start dockerd (on GitHub runners it " +
            "is preinstalled)",
        ["docker"]);

    /// <summary>What to do when the engine does not answer; every image stage says it the same way.</summary>
    public const string EngineHint =
        "start it with scripts/container-engine.sh start (on GitHub runners it is already running)";

    /// <summary>
    /// The docker CLI exists and its engine answers. A dry run checks only the CLI, since it starts nothing that needs
    /// the engine.
    /// </summary>
    public static readonly ToolRequirement EngineRequirement =
        new("Docker engine", $"not reachable (docker version found no server): {EngineHint}", context =>
            Spec.For(context).IsAvailable(new DockerSettings())
                && (context is HostContext { DryRun: true } || context.DockerEngineAnswers()));
}

public sealed class DockerBuildSettings : DockerSettings
{
    protected internal override void AddEnvironmentVariables(IDictionary<string, string> variables,
        ICakeEnvironment environment)
    {
        if (BuildKit is { } buildKit)
        {
            variables["DOCKER_BUILDKIT"] = buildKit ? "1" : "0";
        }
    }

    public DirectoryPath? Context { get; init; }

    /// <summary><c>-f &lt;Dockerfile&gt;</c>; unset: <c>Dockerfile</c> in the context.</summary>
    public FilePath? Dockerfile { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// <c>--label key=value</c> each (OCI labels such as <c>org.opencontainers.image.revision</c>), ordered by key.
    /// </summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// <c>--build-arg key=value</c> each, ordered by key. Build args end up in the image history: never put secrets
    /// here.
    /// </summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<string> CacheFrom { get; init; } = [];

    /// <summary>Sets <c>DOCKER_BUILDKIT=1|0</c> for this call; unset leaves the environment alone.</summary>
    public bool? BuildKit { get; init; }
}

/// <summary>
/// <c>docker login &lt;registry&gt; -u &lt;user&gt; --password-stdin</c>; the password goes through standard input
/// only.
/// </summary>
public sealed class DockerLoginSettings : DockerSettings
{
    /// <summary>Registry host, e.g. <c>ghcr.io</c> or <c>127.0.0.1:5000</c>. Required.</summary>
    public string Registry { get; init; } = "";

    public string Username { get; init; } = "";

    /// <summary>Written to docker's standard input; never part of the command line or the log.</summary>
    public string Password { get; init; } = "";
}
