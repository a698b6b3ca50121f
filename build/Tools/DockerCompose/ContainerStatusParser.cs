namespace Build.Tools.DockerCompose;

/// <summary>Reads the lines printed by <c>docker inspect --format <see cref="Format"/></c>.</summary>
public static class ContainerStatusParser
{
    /// <summary>
    /// The service comes from the label compose puts on each container (v1 and v2 name containers differently).
    /// Health is read with <c>index</c>, not <c>.State.Health</c>: when the typed template fails, docker's CLI runs it
    /// again on the raw JSON with <c>missingkey=error</c> (docker/cli <c>cli/command/inspect/inspector.go</c>,
    /// <c>tryRawInspectFallback</c>, read 2026-12-07), where a container that has no health state yet — one compose
    /// created but never started — fails the whole command with "map has no entry for key Health";
    /// <c>index</c> on a map gives nothing for a missing key instead.
    /// </summary>
    public const string Format =
        "{{.Id}} {{.Name}} {{index .Config.Labels `com.docker.compose.service`}} {{.State.Status}} "
        + "{{with index .State `Health`}}{{.Status}}{{else}}none{{end}}";

    public static IReadOnlyList<ContainerStatus> Parse(IEnumerable<string> lines) =>
        lines.Select(line => line.Trim()).Where(line => line.Length > 0).Select(ParseLine).ToList();

    private static ContainerStatus ParseLine(string line)
    {
        var parts = line.Split(' ', 5, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            throw new FormatException(
                $"Unexpected docker inspect line '{line}': expected '<id> <name> <service> <state> <health>'.");
        }
        var health = WireNames.TryParse<ContainerHealth>(parts[4], out var parsed) ? parsed : ContainerHealth.Unknown;
        return new ContainerStatus(parts[0], parts[1].TrimStart('/'), parts[2], parts[3], health);
    }
}

/// <summary>
/// One container of a compose project: its service, its state (<c>running</c>, <c>exited</c>…) and health.
/// </summary>
public sealed record ContainerStatus(string Id, string Name, string Service, string State, ContainerHealth Health)
{
    /// <summary>Ready to serve: running, and healthy when it has a healthcheck.</summary>
    public bool IsReady => State == "running" && Health is ContainerHealth.Healthy or ContainerHealth.None;
}

/// <summary>A container's healthcheck state (<c>.State.Health.Status</c>).</summary>
public enum ContainerHealth
{
    None,
    Starting,
    Healthy,
    Unhealthy,
    Unknown,
}
