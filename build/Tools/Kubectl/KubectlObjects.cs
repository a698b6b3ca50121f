using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Kubectl;

/// <summary>
/// The kubectl calls on single named objects of a production rollout: reading a route's status and the rollout's
/// state ConfigMap, handing the route to its own release (annotations), writing and removing the state.
/// </summary>
[CakeAliasCategory("Kubectl")]
public static class KubectlObjectAliases
{
    private static readonly ToolInvocation Capture =
        new() { CaptureOutput = true, CaptureError = true, ThrowOnNonZeroExit = false };

    /// <summary>
    /// <c>kubectl get &lt;kind&gt; &lt;name&gt; -o json --ignore-not-found</c>: the object as JSON, empty output when
    /// it does not exist; a failure (unreachable, forbidden) is in the result, not thrown.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult KubectlGetObject(this ICakeContext context, string kind, string name,
        KubectlSettings settings) =>
        Run(context, settings, Command("get", kind, name).AppendOption("-o", "json").AppendValue("--ignore-not-found"),
            Capture);

    /// <summary><c>kubectl annotate &lt;kind&gt;/&lt;name&gt; key=value … --overwrite</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult KubectlAnnotate(this ICakeContext context, string resource, IReadOnlyDictionary<string,
        string> annotations, KubectlSettings settings) =>
        Run(context, settings, Command("annotate").AppendValue(resource)
            .AppendValues(
                annotations.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(
                pair => $"{pair.Key}={pair.Value}"))
            .AppendValue("--overwrite"));

    /// <summary><c>kubectl apply -f &lt;file&gt;</c>: creates or updates the objects in the file.</summary>
    [CakeMethodAlias]
    public static ToolResult KubectlApplyFile(this ICakeContext context, FilePath file, KubectlSettings settings) =>
        Run(context, settings, Command("apply").AppendOption("-f", file.MakeAbsolute(context.Environment).FullPath));

    /// <summary><c>kubectl delete &lt;kind&gt; &lt;name&gt; --ignore-not-found</c>.</summary>
    [CakeMethodAlias]
    public static ToolResult KubectlDeleteObject(this ICakeContext context, string kind, string name,
        KubectlSettings settings) =>
        Run(context, settings, Command("delete", kind, name).AppendValue("--ignore-not-found"));

    private static ToolResult Run(ICakeContext context, KubectlSettings settings, ProcessArgumentBuilder arguments,
        ToolInvocation? invocation = null) =>
        KubectlSettings.Spec.For(context).Run(settings, arguments
            .AppendOptionIfSet("-n", settings.Target.Namespace).AppendOptionIfSet("--context",
                settings.Target.Context), invocation);
}
