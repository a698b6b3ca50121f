namespace Build.Tools.DockerCompose;

/// <summary><c>logs</c>, printed to the build log (typically after a failed smoke test).</summary>
public sealed class DockerComposeLogsSettings : DockerComposeSettings
{
    public DockerComposeLogsSettings()
    {
        ThrowOnNonZeroExit = false;
    }

    /// <summary><c>--no-color</c>.</summary>
    public bool NoColor { get; init; } = true;

    /// <summary><c>--tail &lt;lines&gt;</c> per container; unset prints everything.</summary>
    public int? Tail { get; init; }

    public IReadOnlyList<string> Services { get; init; } = [];
}
