using Cake.Core.Annotations;

namespace Build.Tools.Kubectl;

[CakeAliasCategory("Kubectl")]
public static partial class KubectlAliases
{
    [CakeMethodAlias]
    public static ToolResult KubectlRolloutStatus(this ICakeContext context, KubectlRolloutStatusSettings settings) => Runner(context).RolloutStatus(settings);

    [CakeMethodAlias]
    public static ToolResult KubectlGet(this ICakeContext context, KubectlGetSettings settings) => Runner(context).Get(settings);

    /// <summary><c>kubectl version -o json</c>: the client's and (when it answers) the cluster's version.</summary>
    [CakeMethodAlias]
    public static KubectlVersionInfo KubectlVersion(this ICakeContext context, KubectlVersionSettings? settings = null) =>
        Runner(context).Version(settings ?? new KubectlVersionSettings());

    [CakeMethodAlias]
    public static ToolResult KubectlAnnotate(this ICakeContext context, KubectlAnnotateSettings settings) => Runner(context).Annotate(settings);

    [CakeMethodAlias]
    public static ToolResult KubectlScale(this ICakeContext context, KubectlScaleSettings settings) => Runner(context).Scale(settings);

    [CakeMethodAlias]
    public static bool KubectlIsAvailable(this ICakeContext context, KubectlSettings? settings = null) =>
        Runner(context).IsAvailable(settings ?? new KubectlSettings());

    private static KubectlRunner Runner(ICakeContext context) => new(context);
}
