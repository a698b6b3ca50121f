using YamlDotNet.RepresentationModel;

namespace Build.Deploy;

/// <summary>
/// What the cluster must offer before helm changes anything: a reachable API server (context and server printed
/// first, so a laptop user sees where this goes), the namespace, the image pull secret, the TLS secret the values
/// name in ingress-nginx mode, and every permission the deploy uses. All missing pieces are reported together, each
/// with the command that fixes it; only then does the preflight create what the settings allow it to.
/// </summary>
public static class ClusterPreflight
{
    public const string RbacManifest = "docs/rbac/ci-deployer.yaml";

    public static void Ensure(Deployment deployment)
    {
        var (cluster, context, settings) = (deployment.Cluster, deployment.Context, deployment.Settings);
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => TimeSpan.FromTicks(Math.Max((settings.Bounds.Preflight - clock.Elapsed).Ticks, TimeSpan.TicksPerSecond));

        var contextName = context.KubectlCurrentContext(cluster.Kubectl(Left()));
        var server = context.KubectlServer(cluster.Kubectl(Left()));
        context.Information($"Cluster: context {Shown(contextName, context)}, API server {Shown(server, context)}, namespace {settings.Namespace}.");
        cluster.Plan("the preflight's answers are unknown in a dry run: the checks below are printed, not judged.");
        Exception Unreachable(ToolResult result) => new DeployException(
            $"The cluster preflight could not ask the API server{(server.Length > 0 ? $" at {server}" : "")}: {FirstLine(result.Error)} " +
            $"Check the kubeconfig ({EnvVars.KubeConfigData} in CI, else the current context) and that the cluster is reachable; nothing was changed.");
        bool Exists(string kind, string name, bool namespaced = true) => cluster.Exists(kind, name, namespaced, Left(), Unreachable);

        var namespaceExists = Exists("namespace", settings.Namespace, namespaced: false);
        var problems = new List<string>();
        if (!namespaceExists && !settings.CreateNamespace)
        {
            problems.Add($"The namespace {settings.Namespace} does not exist: create it with `{cluster.KubectlCommand($"create namespace {settings.Namespace}", namespaced: false)}`, or pass --{ArgumentNames.CreateNamespace}.");
        }
        var denied = ClusterPermission.For(settings.CreateNamespace).Where(permission => !cluster.CanI(permission, Left(), Unreachable)).ToList();
        if (denied.Count > 0)
        {
            problems.Add($"The current identity may not {string.Join(", ", denied.Select(p => p.Namespaced ? $"{p} (for {p.Why})" : $"{p} (cluster-wide, for {p.Why})"))}: " +
                         $"apply {RbacManifest} (`{cluster.KubectlCommand($"apply -f {RbacManifest}")}`, after setting the CI identity in its subjects).");
        }
        var pullSecret = settings.ImagePullSecret;
        var pullSecretMissing = pullSecret is not null && !(namespaceExists && Exists("secret", pullSecret));
        if (pullSecretMissing && !settings.CreatePullSecret)
        {
            problems.Add(
                $"The image pull secret {pullSecret} (chart value {ChartNames.PullSecretName}) does not exist in {settings.Namespace}: create it with " +
                $"`{cluster.KubectlCommand($"create secret docker-registry {pullSecret} --docker-server={settings.Registry} --docker-username=<user> --docker-password=\"$(cat <token file>)\"")}`, " +
                $"or pass --{ArgumentNames.CreatePullSecret} with the token in {EnvVars.RegistryPullToken}, or --{ArgumentNames.ImagePullSecret}= for public images.");
        }
        // Only Ingress objects name a TLS secret; in gateway mode the Gateway's listener holds the certificate.
        if (ChartValue(settings, ChartNames.TrafficProvider) == ChartNames.IngressNginx && ChartValue(settings, ChartNames.TlsSecretName) is { Length: > 0 } tls
            && !(namespaceExists && Exists("secret", tls)))
        {
            problems.Add(
                $"The TLS secret {tls} (chart value {ChartNames.TlsSecretName}, {ChartNames.TrafficProvider}={ChartNames.IngressNginx}) does not exist in {settings.Namespace}: the ingress would serve its default certificate. " +
                $"Create it with `{cluster.KubectlCommand($"create secret tls {tls} --cert=<certificate file> --key=<key file>")}` or have cert-manager issue it.");
        }
        if (problems.Count > 0)
        {
            throw new DeployException($"The cluster preflight of {settings.Namespace} (context {contextName}) found {problems.Count} problem(s); nothing was changed:\n  {string.Join("\n  ", problems)}");
        }
        if (!namespaceExists && settings.CreateNamespace)
        {
            deployment.Record.Step($"create namespace {settings.Namespace}", () => context.KubectlCreateNamespace(settings.Namespace, cluster.Kubectl(namespaced: false)));
        }
        if (pullSecretMissing && settings.CreatePullSecret)
        {
            deployment.Record.Step($"create image pull secret {pullSecret}", () => CreatePullSecret(context, cluster, settings));
        }
        context.Information($"Cluster preflight passed in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
    }

    /// <summary>A docker config JSON in a 0600 file for <c>kubectl create secret --from-file</c>: the token never reaches a command line.</summary>
    private static void CreatePullSecret(BuildContext context, Cluster cluster, DeploySettings settings)
    {
        var token = context.Environment.GetEnvironmentVariable(EnvVars.RegistryPullToken) ?? "";
        var user = settings.Owner ?? "token";
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}"));
        var json = JsonSerializer.SerializeToUtf8Bytes(new { auths = new Dictionary<string, object> { [settings.Registry] = new { username = user, password = token, auth } } });
        var directory = KubeConfigFile.PrivateDirectory(context.Environment, "sovd-pull-secret-");
        try
        {
            var file = System.IO.Path.Combine(directory, "config.json");
            KubeConfigFile.WritePrivate(file, json);
            context.KubectlCreateSecretFromFile(settings.ImagePullSecret!, "kubernetes.io/dockerconfigjson", ".dockerconfigjson", new FilePath(file), cluster.Kubectl());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// A chart value as helm merges it for this deploy: values.yaml, the environment's file, the extra --values files,
    /// the last one that has it winning, and a --set over all of them.
    /// </summary>
    private static string? ChartValue(DeploySettings settings, string path)
    {
        if (settings.ExtraSetValues.TryGetValue(path, out var set))
        {
            return set;
        }
        FilePath[] files = [settings.Chart.CombineWithFilePath("values.yaml"), settings.ValuesFile, .. settings.ExtraValuesFiles];
        return files.Where(file => File.Exists(file.FullPath)).Select(file => ValueIn(file, path)).LastOrDefault(value => value is not null);
    }

    private static string? ValueIn(FilePath file, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(file.FullPath)));
        }
        catch (YamlDotNet.Core.YamlException error)
        {
            throw new DeployException($"{file.FullPath} is not valid YAML ({error.Message}); helm would refuse it too.", error);
        }
        var node = path.Split('.').Aggregate(stream.Documents.FirstOrDefault()?.RootNode,
            (node, key) => node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null);
        return (node as YamlScalarNode)?.Value;
    }

    private static string Shown(string value, BuildContext context) => value.Length > 0 ? value : context.DryRun ? "(not known in a dry run)" : "(none)";

    private static string FirstLine(string text) => text.Split('\n').FirstOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "no answer";
}

/// <summary>One thing the deploy does to the cluster, as <c>kubectl auth can-i &lt;verb&gt; &lt;resource&gt;</c> asks it.</summary>
public sealed record ClusterPermission(string Verb, string Resource, bool Namespaced = true, string Why = "")
{
    /// <summary>
    /// Everything a deploy does, and why: the preflight asks each, docs/rbac/ci-deployer.yaml grants each (a test
    /// checks both lists agree).
    /// </summary>
    public static IReadOnlyList<ClusterPermission> For(bool createNamespace)
    {
        // helm keeps each release revision in a Secret of the namespace; helm upgrade creates, patches and deletes the chart's objects.
        IEnumerable<ClusterPermission> permissions =
        [
            .. Verbs("secrets", "helm's release records and the image pull secret", "get", "list", "create", "update", "delete"),
            .. ChartNames.RenderedResources.SelectMany(resource => Verbs(resource, "objects of the chart", "get", "list", "create", "patch", "delete")),
            new("watch", "deployments.apps", Why: "kubectl rollout status"),
            .. Verbs("replicasets.apps", "helm --wait and kubectl rollout status", "get", "list"),
            .. Verbs("pods", "helm --wait and diagnostics", "get", "list"),
            new("get", "pods/log", Why: "diagnostics: last log lines of failing containers"),
            new("list", "events", Why: "diagnostics: events of the namespace"),
            new("get", "namespaces", Namespaced: false, Why: "the preflight's namespace check"),
        ];
        return createNamespace
            ? [.. permissions, new("create", "namespaces", Namespaced: false, Why: $"--{ArgumentNames.CreateNamespace}")]
            : [.. permissions];
    }

    public override string ToString() => $"{Verb} {Resource}";

    private static IEnumerable<ClusterPermission> Verbs(string resource, string why, params string[] verbs) =>
        verbs.Select(verb => new ClusterPermission(verb, resource, Why: why));
}
