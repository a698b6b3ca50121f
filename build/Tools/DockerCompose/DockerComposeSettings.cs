namespace Build.Tools.DockerCompose;

/// <summary>
/// Options every compose command takes: <c>-f &lt;file&gt;… -p &lt;project&gt;</c>, plus the variables the files
/// interpolate.
/// </summary>
public class DockerComposeSettings : ToolRunnerSettings
{
    public static readonly ToolSpec<DockerComposeSettings> Spec = new(
        "docker compose",
        "install Docker Compose: the v2 plugin (docker-compose-plugin, preinstalled on GitHub runners) or v1 with " +
            "apt-get install -y docker-compose",
        ["docker", "docker-compose"],
        context => new DockerComposeRunner(context));

    public ComposeProject Project { get; init; } = new();

    protected internal override void AddEnvironmentVariables(IDictionary<string, string> variables,
        ICakeEnvironment environment)
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
    string? Name = null, IReadOnlyList<FilePath>? Files = null, IReadOnlyDictionary<string, string>? Variables = null,
        ComposeVariant? Variant = null);

public enum ComposeVariant
{
    /// <summary>Compose v2, the <c>docker compose</c> CLI plugin.</summary>
    Plugin,

    /// <summary>Compose v1, the standalone <c>docker-compose</c> (Debian's package is 1.29).</summary>
    Standalone,
}
