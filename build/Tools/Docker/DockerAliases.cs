using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Build.Tools.Docker;

[CakeAliasCategory("Docker")]
public static class DockerAliases
{
    [CakeMethodAlias]
    public static ToolResult DockerBuild(this ICakeContext context, DockerBuildSettings settings) => new DockerRunner(context).Build(settings);

    /// <summary>Pushes <paramref name="image"/>; the result carries the registry digest to pin deployments to.</summary>
    [CakeMethodAlias]
    public static DockerPushResult DockerPush(this ICakeContext context, string image, DockerSettings? settings = null) =>
        new DockerRunner(context).Push(image, settings ?? new DockerSettings());

    /// <summary><c>docker login &lt;registry&gt; -u &lt;user&gt; --password-stdin</c>, the password written to standard input.</summary>
    [CakeMethodAlias]
    public static ToolResult DockerLogin(this ICakeContext context, DockerLoginSettings settings) => new DockerRunner(context).Login(settings);

    [CakeMethodAlias]
    public static ToolResult DockerLogout(this ICakeContext context, string registry, DockerSettings? settings = null) =>
        new DockerRunner(context).Logout(registry, settings ?? new DockerSettings());

    [CakeMethodAlias]
    public static ToolResult DockerPs(this ICakeContext context, DockerListSettings settings) => new DockerRunner(context).ListContainers(settings);

    [CakeMethodAlias]
    public static ToolResult DockerNetworkList(this ICakeContext context, DockerListSettings settings) => new DockerRunner(context).ListNetworks(settings);

    [CakeMethodAlias]
    public static ToolResult DockerVolumeList(this ICakeContext context, DockerListSettings settings) => new DockerRunner(context).ListVolumes(settings);

    /// <summary>Whether the engine has <paramref name="image"/> (a tag or an id); a silent probe that also runs under --dryrun.</summary>
    [CakeMethodAlias]
    public static bool DockerImageExists(this ICakeContext context, string image) => new DockerRunner(context).ImageExists(image);

    [CakeMethodAlias]
    public static ToolResult DockerSave(this ICakeContext context, FilePath archive, IEnumerable<string> images) => new DockerRunner(context).Save(archive, images);

    [CakeMethodAlias]
    public static ToolResult DockerLoad(this ICakeContext context, FilePath archive) => new DockerRunner(context).Load(archive);
}
