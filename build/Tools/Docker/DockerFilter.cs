namespace Build.Tools.Docker;

/// <summary>One <c>--filter name=value</c> of <c>docker ps / network ls / volume ls</c>.</summary>
public sealed record DockerFilter(string Name, string Value)
{
    /// <summary><c>label=&lt;key&gt;=&lt;value&gt;</c>.</summary>
    public static DockerFilter Label(string key, string value) => new("label", $"{key}={value}");

    /// <summary>Everything a compose project created: <c>label=com.docker.compose.project=&lt;name&gt;</c>.</summary>
    public static DockerFilter ComposeProject(string project) => Label("com.docker.compose.project", project);

    public override string ToString() => $"{Name}={Value}";
}
