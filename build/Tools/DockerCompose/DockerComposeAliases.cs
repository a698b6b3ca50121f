using Cake.Core.Annotations;

namespace Build.Tools.DockerCompose;

[CakeAliasCategory("DockerCompose")]
public static class DockerComposeAliases
{
    /// <summary>Plugin (v2) when <c>docker compose version</c> exits 0, else Standalone (v1) when <c>docker-compose</c> exists, else <c>null</c>.</summary>
    [CakeMethodAlias]
    public static ComposeVariant? DockerComposeVariant(this ICakeContext context, DockerComposeSettings? settings = null) =>
        new DockerComposeRunner(context).DetectVariant(settings ?? new DockerComposeSettings());

    [CakeMethodAlias]
    public static ToolResult DockerComposeUp(this ICakeContext context, DockerComposeUpSettings settings) => new DockerComposeRunner(context).Up(settings);

    /// <summary><c>ps -q</c>: container ids in <see cref="ToolResult.Lines"/>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerComposePs(this ICakeContext context, DockerComposePsSettings settings) => new DockerComposeRunner(context).Ps(settings);

    [CakeMethodAlias]
    public static ToolResult DockerComposeLogs(this ICakeContext context, DockerComposeLogsSettings settings) => new DockerComposeRunner(context).Logs(settings);

    [CakeMethodAlias]
    public static ToolResult DockerComposeDown(this ICakeContext context, DockerComposeDownSettings settings) => new DockerComposeRunner(context).Down(settings);

    /// <summary>Each container's state and health, for a readiness poll (v1 has no <c>up --wait</c>).</summary>
    [CakeMethodAlias]
    public static IReadOnlyList<ContainerStatus> DockerComposeContainerStatuses(this ICakeContext context, DockerComposeSettings settings) =>
        new DockerComposeRunner(context).ContainerStatuses(settings);
}
