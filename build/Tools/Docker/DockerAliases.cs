using Cake.Core.Annotations;

namespace Build.Tools.Docker;

[CakeAliasCategory("Docker")]
public static class DockerAliases
{
    [CakeMethodAlias]
    public static ToolResult DockerBuild(this ICakeContext context, DockerBuildSettings settings) => Runner(context).Build(settings);

    [CakeMethodAlias]
    public static ToolResult DockerTag(this ICakeContext context, string source, string target, DockerSettings? settings = null) =>
        Runner(context).Tag(source, target, settings ?? new DockerSettings());

    /// <summary>Pushes <paramref name="image"/>; the result carries the registry digest to pin deployments to.</summary>
    [CakeMethodAlias]
    public static DockerPushResult DockerPush(this ICakeContext context, string image, DockerSettings? settings = null) =>
        Runner(context).Push(image, settings ?? new DockerSettings());

    /// <summary><c>docker image inspect --format &lt;format&gt; &lt;image&gt;</c>; read the rendered template from <see cref="ToolResult.Output"/>.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerImageInspect(this ICakeContext context, string image, string format, DockerSettings? settings = null) =>
        Runner(context).ImageInspect(image, format, settings ?? new DockerSettings());

    [CakeMethodAlias]
    public static IReadOnlyList<string> DockerImageRepoDigests(this ICakeContext context, string image, DockerSettings? settings = null) =>
        Runner(context).RepoDigests(image, settings ?? new DockerSettings());

    [CakeMethodAlias]
    public static ToolResult DockerInspect(this ICakeContext context, IEnumerable<string> targets, string format, DockerSettings? settings = null) =>
        Runner(context).Inspect(targets, format, settings ?? new DockerSettings());

    /// <summary><c>docker login &lt;registry&gt; -u &lt;user&gt; --password-stdin</c>, the password written to standard input.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerLogin(this ICakeContext context, DockerLoginSettings settings) => Runner(context).Login(settings);

    [CakeMethodAlias]
    public static ToolResult DockerLogout(this ICakeContext context, string registry, DockerSettings? settings = null) =>
        Runner(context).Logout(registry, settings ?? new DockerSettings());

    [CakeMethodAlias]
    public static ToolResult DockerPs(this ICakeContext context, DockerListSettings settings) => Runner(context).ListContainers(settings);

    [CakeMethodAlias]
    public static ToolResult DockerNetworkList(this ICakeContext context, DockerListSettings settings) => Runner(context).ListNetworks(settings);

    [CakeMethodAlias]
    public static ToolResult DockerVolumeList(this ICakeContext context, DockerListSettings settings) => Runner(context).ListVolumes(settings);

    [CakeMethodAlias]
    public static ToolResult DockerRmi(this ICakeContext context, IEnumerable<string> images, DockerRmiSettings? settings = null) =>
        Runner(context).RemoveImages(images, settings ?? new DockerRmiSettings());

    [CakeMethodAlias]
    public static bool DockerIsAvailable(this ICakeContext context, DockerSettings? settings = null) =>
        Runner(context).IsAvailable(settings ?? new DockerSettings());

    private static DockerRunner Runner(ICakeContext context) => new(context);
}
