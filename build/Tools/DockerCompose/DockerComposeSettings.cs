using Cake.Core.IO;

namespace Build.Tools.DockerCompose;

/// <summary>Options every compose command takes: <c>-f &lt;file&gt;… -p &lt;project&gt;</c>, plus the variables the files interpolate.</summary>
public class DockerComposeSettings : PipelineToolSettings
{
    /// <summary><c>-f &lt;file&gt;</c> each, in order (later files override earlier ones).</summary>
    public IReadOnlyList<FilePath> Files { get; init; } = [];

    /// <summary><c>-p &lt;name&gt;</c>; also the value of the <c>com.docker.compose.project</c> label on everything it creates.</summary>
    public string? ProjectName { get; init; }

    /// <summary>Unset: v2 when <c>docker compose version</c> exits 0, else v1 <c>docker-compose</c>.</summary>
    public ComposeVariant? Variant { get; init; }
}
