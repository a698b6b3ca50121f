namespace Build.Tools.Docker;

/// <summary><c>docker login &lt;registry&gt; -u &lt;user&gt; --password-stdin</c>; the password goes through standard input only.</summary>
public sealed class DockerLoginSettings : DockerSettings
{
    /// <summary>Registry host, e.g. <c>ghcr.io</c> or <c>127.0.0.1:5000</c>. Required.</summary>
    public string Registry { get; init; } = "";

    public string Username { get; init; } = "";

    /// <summary>Written to docker's standard input; never part of the command line or the log.</summary>
    public string Password { get; init; } = "";
}
