using static Build.Tools.ArgumentBuilderExtensions;

namespace Build.Tools.Kubectl;

/// <summary>The kubectl calls of a deploy: rollout status, its cluster preflight and its failure diagnostics.</summary>
[CakeAliasCategory("Kubectl")]
public static class KubectlAliases
{
    private static readonly ToolInvocation Capture = new() { CaptureOutput = true, CaptureError = true, ThrowOnNonZeroExit = false };

    /// <summary><c>kubectl rollout status deployment/&lt;name&gt; --timeout=&lt;duration&gt;</c>: waits until the rollout is complete.</summary>
    [CakeMethodAlias]
    public static ToolResult KubectlRolloutStatus(this ICakeContext context, string deployment, TimeSpan timeout, KubectlSettings settings)
    {
        var resource = $"deployment/{Require.Value(deployment, "deployment", "sovd-api")}";
        return Run(context, settings, Global(Command("rollout", "status").AppendValue(resource).AppendOption("--timeout", GoDuration.Format(timeout), "="), settings));
    }

    /// <summary>
    /// <c>kubectl get &lt;kind&gt; -l &lt;selector&gt; -o &lt;format&gt;</c>: the objects in <see cref="ToolResult.Output"/>,
    /// whatever the exit code (like the other diagnostics calls, its answer is saved either way).
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult KubectlGet(this ICakeContext context, string kind, string selector, KubectlOutputFormat output, KubectlSettings settings) =>
        Run(context, settings, Global(Command("get", kind).AppendOption("-l", selector).AppendOption("-o", output.ToWire()), settings), Capture);

    /// <summary><c>kubectl get &lt;kind&gt; &lt;name&gt; -o &lt;format&gt;</c>: one object, whatever the exit code (saved either way).</summary>
    [CakeMethodAlias]
    public static ToolResult KubectlGetNamed(this ICakeContext context, string kind, string name, KubectlOutputFormat output, KubectlSettings settings) =>
        Run(context, settings, Global(Command("get", kind, Require.Value(name, "name", "sovd-gateway")).AppendOption("-o", output.ToWire()), settings), Capture);

    /// <summary>
    /// <c>kubectl version -o json</c>: the client's and (when it answers) the cluster's version; either is null when
    /// kubectl did not print it. A cluster that does not answer is not an error: the client side is still read.
    /// </summary>
    [CakeMethodAlias]
    public static KubectlVersionInfo KubectlVersion(this ICakeContext context, KubectlSettings settings)
    {
        var arguments = Command("version").AppendOption("-o", KubectlOutputFormat.Json.ToWire());
        return KubectlVersionInfo.Parse(Run(context, settings, Global(arguments, settings), Capture).Output);
    }

    /// <summary><c>kubectl config current-context</c> (or the <c>--context</c> given); empty when none is set.</summary>
    [CakeMethodAlias]
    public static string KubectlCurrentContext(this ICakeContext context, KubectlSettings settings) =>
        settings.Target.Context ?? Run(context, settings, Command("config", "current-context"), Capture).Output.Trim();

    /// <summary>The API server of the context: <c>kubectl config view --minify -o jsonpath={.clusters[0].cluster.server}</c>.</summary>
    [CakeMethodAlias]
    public static string KubectlServer(this ICakeContext context, KubectlSettings settings)
    {
        var arguments = Command("config", "view", "--minify").AppendOption("-o", "jsonpath={.clusters[0].cluster.server}");
        return Run(context, settings, arguments.AppendOptionIfSet("--context", settings.Target.Context), Capture).Output.Trim();
    }

    /// <summary>
    /// <c>kubectl auth can-i &lt;verb&gt; &lt;resource&gt;</c>: kubectl prints <c>yes</c> (exit 0) or <c>no</c> (exit 1);
    /// anything else (an unreachable server) is returned as the error.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult KubectlCanI(this ICakeContext context, string verb, string resource, KubectlSettings settings) =>
        Run(context, settings, Global(Command("auth", "can-i", verb, resource), settings), Capture);

    /// <summary><c>kubectl get &lt;kind&gt; &lt;name&gt; -o name --ignore-not-found</c>: empty output when it does not exist.</summary>
    [CakeMethodAlias]
    public static ToolResult KubectlFind(this ICakeContext context, string kind, string name, KubectlSettings settings) =>
        Run(context, settings, Global(Command("get", kind, name).AppendOption("-o", "name").AppendValue("--ignore-not-found"), settings), Capture);

    [CakeMethodAlias]
    public static ToolResult KubectlCreateNamespace(this ICakeContext context, string name, KubectlSettings settings) =>
        Run(context, settings, Command("create", "namespace", name).AppendOptionIfSet("--context", settings.Target.Context));

    /// <summary>
    /// <c>kubectl create secret generic &lt;name&gt; --type=&lt;type&gt; --from-file=&lt;key&gt;=&lt;file&gt;</c>: the secret's
    /// content comes from a file, never the command line.
    /// </summary>
    [CakeMethodAlias]
    public static ToolResult KubectlCreateSecretFromFile(this ICakeContext context, string name, string type, string key, FilePath file, KubectlSettings settings)
    {
        var arguments = Command("create", "secret", "generic", name)
            .AppendOption("--type", type, "=")
            .AppendOption("--from-file", $"{key}={file.MakeAbsolute(context.Environment).FullPath}", "=");
        return Run(context, settings, Global(arguments, settings));
    }

    [CakeMethodAlias]
    public static ToolResult KubectlDescribe(this ICakeContext context, string kind, string selector, KubectlSettings settings) =>
        Run(context, settings, Global(Command("describe", kind).AppendOption("-l", selector), settings), Capture);

    /// <summary><c>kubectl get events --sort-by=.lastTimestamp</c>: the namespace's recent events, oldest first.</summary>
    [CakeMethodAlias]
    public static ToolResult KubectlEvents(this ICakeContext context, KubectlSettings settings) =>
        Run(context, settings, Global(Command("get", "events").AppendOption("--sort-by", ".lastTimestamp", "="), settings), Capture);

    [CakeMethodAlias]
    public static ToolResult KubectlLogs(this ICakeContext context, string pod, int tail, KubectlSettings settings)
    {
        var arguments = Command("logs", pod).AppendValue("--all-containers").AppendOption("--tail", tail.ToString(CultureInfo.InvariantCulture), "=");
        return Run(context, settings, Global(arguments, settings), Capture);
    }

    private static ToolResult Run(ICakeContext context, KubectlSettings settings, ProcessArgumentBuilder arguments, ToolInvocation? invocation = null) =>
        KubectlSettings.Spec.For(context).Run(settings, arguments, invocation);

    private static ProcessArgumentBuilder Global(ProcessArgumentBuilder arguments, KubectlSettings settings) =>
        arguments.AppendOptionIfSet("-n", settings.Target.Namespace).AppendOptionIfSet("--context", settings.Target.Context);
}
