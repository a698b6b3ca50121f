using Cake.Core.IO;

namespace Build.Tools.Kubectl;

/// <summary>The kubectl calls of a deploy's cluster preflight and failure diagnostics.</summary>
public sealed partial class KubectlRunner
{
    private static readonly ToolInvocation Capture = new() { CaptureOutput = true, CaptureError = true, ThrowOnNonZeroExit = false };

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
    public ToolResult Find(string kind, string name, KubectlSettings settings)
    {
        var arguments = Command("get", kind, name).AppendOption("-o", "name").AppendValue("--ignore-not-found");
        return Execute(settings, Global(arguments, settings), Capture);
    }

    /// <summary><c>kubectl create namespace &lt;name&gt;</c>.</summary>
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

    /// <summary><c>kubectl describe &lt;kind&gt; -l &lt;selector&gt;</c>, captured.</summary>
    public ToolResult Describe(string kind, string selector, KubectlSettings settings) =>
        Execute(settings, Global(Command("describe", kind).AppendOption("-l", selector), settings), Capture);

    /// <summary><c>kubectl get events --sort-by=.lastTimestamp</c>, captured: the namespace's recent events, oldest first.</summary>
    public ToolResult Events(KubectlSettings settings) =>
        Execute(settings, Global(Command("get", "events").AppendOption("--sort-by", ".lastTimestamp", "="), settings), Capture);

    /// <summary><c>kubectl logs &lt;pod&gt; --all-containers --tail=&lt;lines&gt;</c>, captured.</summary>
    public ToolResult Logs(string pod, int tail, KubectlSettings settings)
    {
        var arguments = Command("logs", pod).AppendValue("--all-containers")
            .AppendOption("--tail", tail.ToString(System.Globalization.CultureInfo.InvariantCulture), "=");
        return Execute(settings, Global(arguments, settings), Capture);
    }
}
