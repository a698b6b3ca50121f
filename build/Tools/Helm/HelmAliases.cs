using Cake.Core.Annotations;

namespace Build.Tools.Helm;

[CakeAliasCategory("Helm")]
public static class HelmAliases
{
    /// <summary><c>helm upgrade --install &lt;release&gt; &lt;chart&gt; … --wait --atomic --timeout 5m0s</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult HelmUpgrade(this ICakeContext context, HelmUpgradeSettings settings) => new HelmRunner(context).Upgrade(settings);

    /// <summary>The release's status; <see cref="HelmReleaseStatus.NotFound"/> when it was never installed.</summary>
    [CakeMethodAlias]
    public static HelmStatusResult HelmStatus(this ICakeContext context, string release, HelmSettings? settings = null) =>
        new HelmRunner(context).Status(release, settings ?? new HelmSettings());

    [CakeMethodAlias]
    public static IReadOnlyList<HelmRevision> HelmHistory(this ICakeContext context, string release, HelmSettings? settings = null, int? max = null) =>
        new HelmRunner(context).History(release, settings ?? new HelmSettings(), max);

    /// <summary>The helm on hand's major version (3, 4), or null when it does not say.</summary>
    [CakeMethodAlias]
    public static int? HelmMajorVersion(this ICakeContext context, HelmSettings? settings = null) =>
        new HelmRunner(context).MajorVersion(settings ?? new HelmSettings());

    /// <summary><c>helm get values -o json</c>: the values a release was installed or upgraded with.</summary>
    [CakeMethodAlias]
    public static ToolResult HelmUserValues(this ICakeContext context, string release, HelmSettings? settings = null) =>
        new HelmRunner(context).UserValues(release, settings ?? new HelmSettings());

    [CakeMethodAlias]
    public static ToolResult HelmRollback(this ICakeContext context, HelmRollbackSettings settings) => new HelmRunner(context).Rollback(settings);

    [CakeMethodAlias]
    public static ToolResult HelmUninstall(this ICakeContext context, HelmUninstallSettings settings) => new HelmRunner(context).Uninstall(settings);
}
