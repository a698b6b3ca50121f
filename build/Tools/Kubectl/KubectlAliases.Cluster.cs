using Cake.Core.Annotations;
using Cake.Core.IO;

namespace Build.Tools.Kubectl;

public static partial class KubectlAliases
{
    [CakeMethodAlias]
    public static string KubectlCurrentContext(this ICakeContext context, KubectlSettings settings) => Runner(context).CurrentContext(settings);

    [CakeMethodAlias]
    public static string KubectlServer(this ICakeContext context, KubectlSettings settings) => Runner(context).Server(settings);

    [CakeMethodAlias]
    public static ToolResult KubectlCanI(this ICakeContext context, string verb, string resource, KubectlSettings settings) =>
        Runner(context).CanI(verb, resource, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlFind(this ICakeContext context, string kind, string name, KubectlSettings settings) =>
        Runner(context).Find(kind, name, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlCreateNamespace(this ICakeContext context, string name, KubectlSettings settings) =>
        Runner(context).CreateNamespace(name, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlCreateSecretFromFile(this ICakeContext context, string name, string type, string key, FilePath file, KubectlSettings settings) =>
        Runner(context).CreateSecretFromFile(name, type, key, file, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlDescribe(this ICakeContext context, string kind, string selector, KubectlSettings settings) =>
        Runner(context).Describe(kind, selector, settings);

    [CakeMethodAlias]
    public static ToolResult KubectlEvents(this ICakeContext context, KubectlSettings settings) => Runner(context).Events(settings);

    [CakeMethodAlias]
    public static ToolResult KubectlLogs(this ICakeContext context, string pod, int tail, KubectlSettings settings) =>
        Runner(context).Logs(pod, tail, settings);
}
