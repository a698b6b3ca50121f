namespace Build.Tools.DockerCompose;

/// <summary>Options every compose command takes: <c>-f &lt;file&gt;… -p &lt;project&gt;</c>, plus the variables the files interpolate.</summary>
public class DockerComposeSettings : ToolRunnerSettings
{
    public static readonly ToolSpec<DockerComposeSettings> Spec = new(
        "docker compose",
        "install Docker Compose: the v2 plugin (docker-compose-plugin, preinstalled on GitHub runners) or v1 with apt-get install -y docker-compose",
        ["docker", "docker-compose"],
        context => new DockerComposeRunner(context));

    public ComposeProject Project { get; init; } = new();

    protected internal override void AddEnvironmentVariables(IDictionary<string, string> variables, ICakeEnvironment environment)
    {
        foreach (var (name, value) in Project.Variables ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }
    }
}

/// <summary>
/// The stack a compose command addresses: <c>-p &lt;name&gt;</c> (also the <c>com.docker.compose.project</c> label on
/// everything it creates), <c>-f &lt;file&gt;</c> each in order (later files override earlier ones), the variables the
/// files interpolate, and the compose to use (unset: v2 when <c>docker compose version</c> exits 0, else v1).
/// </summary>
public sealed record ComposeProject(
    string? Name = null, IReadOnlyList<FilePath>? Files = null, IReadOnlyDictionary<string, string>? Variables = null, ComposeVariant? Variant = null);

/// <summary><c>up -d</c>. Compose v1 has no working <c>--wait</c>: poll <see cref="DockerComposeAliases.DockerComposeContainerStatuses"/> instead.</summary>
public sealed class DockerComposeUpSettings : DockerComposeSettings
{
    /// <summary><c>--no-build</c>: use the images already built and tagged by an earlier stage.</summary>
    public bool NoBuild { get; init; }
}

public sealed class DockerComposePsSettings : DockerComposeSettings
{
    public bool Quiet { get; init; } = true;

    /// <summary><c>-a</c>: include stopped containers (v2 lists only running ones without it).</summary>
    public bool All { get; init; }
}

/// <summary><c>logs --no-color</c>, printed to the build log (typically after a failed smoke test).</summary>
public sealed class DockerComposeLogsSettings : DockerComposeSettings
{
    public DockerComposeLogsSettings()
    {
        ThrowOnNonZeroExit = false;
    }

    /// <summary><c>--tail &lt;lines&gt;</c> per container; unset prints everything.</summary>
    public int? Tail { get; init; }

    public IReadOnlyList<string> Services { get; init; } = [];
}

/// <summary><c>down -v --remove-orphans</c>: the project's named volumes and orphaned containers go too.</summary>
public sealed class DockerComposeDownSettings : DockerComposeSettings
{
}

public enum ComposeVariant
{
    /// <summary>Compose v2, the <c>docker compose</c> CLI plugin.</summary>
    Plugin,

    /// <summary>Compose v1, the standalone <c>docker-compose</c> (Debian's package is 1.29).</summary>
    Standalone,
}
