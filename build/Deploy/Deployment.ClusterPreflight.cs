using YamlDotNet.RepresentationModel;

namespace Build.Deploy;

/// <summary>
/// What the cluster must offer before helm changes anything: a kubectl within one minor version of it (else a
/// warning), a reachable API server (context and server printed first, so a laptop user sees where this goes), the
/// namespace, the image pull secret, the TLS secret the values name in ingress-nginx mode, and every permission the
/// deploy uses. All missing pieces are reported together, each with the command that fixes it; only then does the
/// preflight create what the settings allow it to.
/// </summary>
public sealed partial class Deployment
{
    /// <summary>The warning for this pair of versions, or null when they are within one minor version.</summary>
    public static string? VersionSkew(KubeVersion client, KubeVersion server)
    {
        var gap = client.Major == server.Major ? Math.Abs(client.Minor - server.Minor) : int.MaxValue;
        return gap <= 1
            ? null
            : $"kubectl {client} is {(gap == int.MaxValue ? "a different major version" : $"{gap} minor versions")} " +
              $"away from the cluster's {server}: " +
              $"kubectl supports one minor version either way; use kubectl {server.Major}.{server.Minor} " +
              $"(the pinned one: {DeployTools.InstallScript}, DeployTools in the definition).";
    }

    /// <summary>
    /// kubectl is supported within one minor version of the cluster (older or newer); a wider gap can misbehave in
    /// subtle ways (fields dropped, rollout status misread). Reported before the deploy changes anything, not fatal.
    /// </summary>
    private void CheckVersionSkew()
    {
        if (_cluster.Versions() is not { Client: { } client, Server: { } server })
        {
            context.Verbose(
                "kubectl version: no server version (dry run, or the cluster did not answer); skew not checked.");
            return;
        }
        if (VersionSkew(client, server) is { } problem)
        {
            context.Warning(problem);
            return;
        }
        context.Verbose($"kubectl {client}, cluster {server}: within one minor version.");
    }

    private void EnsureCluster()
    {
        CheckVersionSkew();
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => TimeSpan.FromTicks(
            Math.Max((settings.Timeouts.Preflight - clock.Elapsed).Ticks, TimeSpan.TicksPerSecond));

        var contextName = context.KubectlCurrentContext(_cluster.Kubectl(Left()));
        var server = context.KubectlServer(_cluster.Kubectl(Left()));
        context.Information(
            $"Cluster: context {Shown(contextName)}, API server {Shown(server)}, " +
            $"namespace {settings.Release.Namespace}.");
        _cluster.Plan("the preflight's answers are unknown in a dry run: the checks below are printed, not judged.");
        Exception Unreachable(ToolResult result) => new DeployException(
            $"The cluster preflight could not ask the API server{(server.Length > 0 ? $" at {server}" : "")}: " +
            $"{FirstLine(result.Error)} " +
            $"Check the kubeconfig ({EnvVars.KubeConfigData} in CI, else the current context) and that the cluster " +
            "is reachable; nothing was changed.");

        var namespaceExists =
            _cluster.Exists("namespace", settings.Release.Namespace, namespaced: false, Left(), Unreachable);
        var problems = new List<string>(NamespaceProblems(namespaceExists));
        problems.AddRange(PermissionProblems(Left, Unreachable));
        var pullSecretMissing = settings.Images.PullSecret is { } pullSecret
            && !(namespaceExists && _cluster.Exists("secret", pullSecret, namespaced: true, Left(), Unreachable));
        problems.AddRange(PullSecretProblems(pullSecretMissing));
        problems.AddRange(TlsSecretProblems(namespaceExists, Left, Unreachable));
        problems.AddRange(GatewayProblems(namespaceExists, Left, Unreachable));
        if (problems.Count > 0)
        {
            throw new DeployException(
                $"The cluster preflight of {settings.Release.Namespace} (context {contextName}) found " +
                $"{problems.Count} problem(s); nothing was changed:\n  {string.Join("\n  ", problems)}");
        }
        CreateWhatIsAllowed(namespaceExists, pullSecretMissing);
        context.Information("Cluster preflight passed in " +
            $"{clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
    }

    private IEnumerable<string> NamespaceProblems(bool namespaceExists)
    {
        if (!namespaceExists && !settings.Release.CreateNamespace)
        {
            var create = _cluster.KubectlCommand($"create namespace {settings.Release.Namespace}", namespaced: false);
            yield return $"The namespace {settings.Release.Namespace} does not exist: create it with `{create}`, " +
                $"or pass --{ArgumentNames.CreateNamespace}.";
        }
    }

    /// <summary>Every permission the deploy (and the analysis' port-forward) uses that the identity lacks.</summary>
    private List<string> PermissionProblems(Func<TimeSpan> left, Func<ToolResult, Exception> unreachable)
    {
        var denied = ClusterPermission.For(context.RepoRoot, settings.Release.CreateNamespace)
            .Where(permission => !_cluster.CanI(permission, left(), unreachable)).ToList();
        var problems = PortForwardProblems(permission => _cluster.CanI(permission, left(), unreachable)).ToList();
        if (denied.Count > 0)
        {
            var what = denied.Select(p => p.Namespaced ? $"{p} (for {p.Why})" : $"{p} (cluster-wide, for {p.Why})");
            problems.Add(
                $"The current identity may not {string.Join(", ", what)}: " +
                $"apply {ClusterPermission.RbacManifest} " +
                $"(`{_cluster.KubectlCommand($"apply -f {ClusterPermission.RbacManifest}")}`, " +
                "after setting the CI identity in its subjects).");
        }
        return problems;
    }

    private IEnumerable<string> PullSecretProblems(bool pullSecretMissing)
    {
        if (pullSecretMissing && !settings.Images.CreatePullSecret)
        {
            var pullSecret = settings.Images.PullSecret;
            var create = _cluster.KubectlCommand(
                $"create secret docker-registry {pullSecret} --docker-server={settings.Images.Registry} " +
                "--docker-username=<user> --docker-password=\"$(cat <token file>)\"");
            yield return
                $"The image pull secret {pullSecret} (chart value {ChartNames.PullSecretName}) does not exist in " +
                $"{settings.Release.Namespace}: create it with `{create}`, " +
                $"or pass --{ArgumentNames.CreatePullSecret} with the token in {EnvVars.RegistryPullToken}, " +
                $"or --{ArgumentNames.ImagePullSecret}= for public images.";
        }
    }

    private IEnumerable<string> TlsSecretProblems(
        bool namespaceExists, Func<TimeSpan> left, Func<ToolResult, Exception> unreachable)
    {
        // Only Ingress objects name a TLS secret; in gateway mode the Gateway's listener holds the certificate.
        if (ChartValue(ChartNames.TrafficProvider) == ChartNames.IngressNginx
            && ChartValue(ChartNames.TlsSecretName) is { Length: > 0 } tls
            && !(namespaceExists && _cluster.Exists("secret", tls, namespaced: true, left(), unreachable)))
        {
            var create = _cluster.KubectlCommand(
                $"create secret tls {tls} --cert=<certificate file> --key=<key file>");
            yield return
                $"The TLS secret {tls} (chart value {ChartNames.TlsSecretName}, " +
                $"{ChartNames.TrafficProvider}={ChartNames.IngressNginx}) does not exist in " +
                $"{settings.Release.Namespace}: the ingress would serve its default certificate. " +
                $"Create it with `{create}` or have cert-manager issue it.";
        }
    }

    /// <summary>What the settings allow the preflight to create, once nothing else is missing.</summary>
    private void CreateWhatIsAllowed(bool namespaceExists, bool pullSecretMissing)
    {
        if (!namespaceExists && settings.Release.CreateNamespace)
        {
            _record.Step(
                $"create namespace {settings.Release.Namespace}",
                () => context.KubectlCreateNamespace(settings.Release.Namespace, _cluster.Kubectl(namespaced: false)));
        }
        if (pullSecretMissing && settings.Images.CreatePullSecret)
        {
            _record.Step($"create image pull secret {settings.Images.PullSecret}", CreatePullSecret);
        }
    }

    /// <summary>
    /// A docker config JSON in a 0600 file for <c>kubectl create secret --from-file</c>: the token never reaches a
    /// command line.
    /// </summary>
    private void CreatePullSecret()
    {
        var token = context.Environment.GetEnvironmentVariable(EnvVars.RegistryPullToken) ?? "";
        var user = settings.Images.Owner ?? "token";
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}"));
        var json = JsonSerializer.SerializeToUtf8Bytes(new
        {
            auths = new Dictionary<string, object>
            {
                [settings.Images.Registry] = new { username = user, password = token, auth },
            },
        });
        var directory = KubeConfigFile.PrivateDirectory(context, "sovd-pull-secret-");
        try
        {
            var file = Path.Combine(directory, "config.json");
            KubeConfigFile.WritePrivate(file, json);
            context.KubectlCreateSecretFromFile(settings.Images.PullSecret!, "kubernetes.io/dockerconfigjson",
                ".dockerconfigjson", new FilePath(file), _cluster.Kubectl());
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
    private string? ChartValue(string path)
    {
        if (settings.Chart.ExtraSetValues.TryGetValue(path, out var set))
        {
            return set;
        }
        FilePath[] files =
        [
            settings.Chart.Folder.CombineWithFilePath("values.yaml"),
            settings.Chart.ValuesFile,
            .. settings.Chart.ExtraValuesFiles,
        ];
        return files
            .Where(file => File.Exists(file.FullPath))
            .Select(file => ValueIn(file, path))
            .LastOrDefault(value => value is not null);
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
            throw new DeployException(
                $"{file.FullPath} is not valid YAML ({error.Message}); helm would refuse it too.", error);
        }
        var node = path.Split('.').Aggregate(stream.Documents.FirstOrDefault()?.RootNode,
            (node, key) => node is YamlMappingNode mapping
                && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child)
                    ? child
                    : null);
        return (node as YamlScalarNode)?.Value;
    }

    private string Shown(string value) =>
        value.Length > 0 ? value : context.DryRun ? "(not known in a dry run)" : "(none)";

    private static string FirstLine(string text) =>
        text.Split('\n').FirstOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "no answer";
}
