using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Build.Tools.Kubectl;

[CakeAliasCategory("Kubectl")]
public static class KubectlAliases
{
    [CakeMethodAlias]
    public static ToolResult KubectlRolloutStatus(this ICakeContext context, KubectlRolloutStatusSettings settings) => new KubectlRunner(context).RolloutStatus(settings);

    [CakeMethodAlias]
    public static ToolResult KubectlGet(this ICakeContext context, KubectlGetSettings settings) => new KubectlRunner(context).Get(settings);

    /// <summary><c>kubectl version -o json</c>: the client's and (when it answers) the cluster's version.</summary>
    [CakeMethodAlias]
    public static KubectlVersionInfo KubectlVersion(this ICakeContext context, KubectlVersionSettings? settings = null) =>
        new KubectlRunner(context).Version(settings ?? new KubectlVersionSettings());

    [CakeMethodAlias]
    public static string KubectlCurrentContext(this ICakeContext context, KubectlSettings settings) => new KubectlRunner(context).CurrentContext(settings);

    [CakeMethodAlias]
    public static string KubectlServer(this ICakeContext context, KubectlSettings settings) => new KubectlRunner(context).Server(settings);

    [CakeMethodAlias]
    public static ToolResult KubectlCanI(this ICakeContext context, string verb, string resource, KubectlSettings settings) =>
        new KubectlRunner(context).CanI(verb, resource, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlFind(this ICakeContext context, string kind, string name, KubectlSettings settings) =>
        new KubectlRunner(context).Find(kind, name, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlCreateNamespace(this ICakeContext context, string name, KubectlSettings settings) =>
        new KubectlRunner(context).CreateNamespace(name, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlCreateSecretFromFile(this ICakeContext context, string name, string type, string key, FilePath file, KubectlSettings settings) =>
        new KubectlRunner(context).CreateSecretFromFile(name, type, key, file, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlDescribe(this ICakeContext context, string kind, string selector, KubectlSettings settings) =>
        new KubectlRunner(context).Describe(kind, selector, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlEvents(this ICakeContext context, KubectlSettings settings) => new KubectlRunner(context).Events(settings);

    [CakeMethodAlias]
    public static ToolResult KubectlLogs(this ICakeContext context, string pod, int tail, KubectlSettings settings) =>
        new KubectlRunner(context).Logs(pod, tail, settings);
}
