namespace Build.Tools.DockerCompose;

/// <summary>One container of a compose project: its state (<c>running</c>, <c>exited</c>…) and health.</summary>
public sealed record ContainerStatus(string Id, string Name, string State, ContainerHealth Health)
{
    /// <summary>Ready to serve: running, and healthy when it has a healthcheck.</summary>
    public bool IsReady => State == "running" && Health is ContainerHealth.Healthy or ContainerHealth.None;
}
