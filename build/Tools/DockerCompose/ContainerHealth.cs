namespace Build.Tools.DockerCompose;

/// <summary>A container's healthcheck state (<c>.State.Health.Status</c>).</summary>
public enum ContainerHealth
{
    [WireName("none")] None,
    [WireName("starting")] Starting,
    [WireName("healthy")] Healthy,
    [WireName("unhealthy")] Unhealthy,
    /// <summary>A value this wrapper does not know.</summary>
    [WireName("unknown")] Unknown,
}
