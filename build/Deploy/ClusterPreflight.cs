using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Build.Tools.Kubectl;
using Cake.Core.IO;

namespace Build.Deploy;

/// <summary>
/// What the cluster must offer before helm changes anything: a reachable API server (context and server printed
/// first, so a laptop user sees where this goes), the namespace, the image pull secret, the TLS secret the values
/// name in ingress-nginx mode, and every permission the deploy uses. All missing pieces are reported together, each with the command that
/// fixes it; only then does the preflight create what the settings allow it to (namespace, pull secret).
/// </summary>
public static class ClusterPreflight
{
    public const string RbacManifest = "docs/rbac/ci-deployer.yaml";
    private const string DockerConfigType = "kubernetes.io/dockerconfigjson";

    public static void Ensure(DeployRun run)
    {
        var cluster = run.Cluster;
        var context = run.Context;
        var settings = run.Settings;
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => Max(settings.Bounds.Preflight - clock.Elapsed, TimeSpan.FromSeconds(1));

        var contextName = context.KubectlCurrentContext(cluster.Kubectl(Left()));
        var server = context.KubectlServer(cluster.Kubectl(Left()));
        context.Information($"Cluster: context {Shown(contextName, context.DryRun)}, API server {Shown(server, context.DryRun)}, namespace {settings.Namespace}.");
        if (context.DryRun)
        {
            context.Information("[dry-run] the preflight's answers are unknown in a dry run: the checks below are printed, not judged.");
        }

        var namespaceExists = Exists(run, "namespace", settings.Namespace, namespaced: false, Left(), server);
        var problems = new List<string>();
        if (!namespaceExists && !settings.CreateNamespace)
        {
            problems.Add($"The namespace {settings.Namespace} does not exist: create it with `{cluster.KubectlCommand($"create namespace {settings.Namespace}", namespaced: false)}`, or pass --{ArgumentNames.CreateNamespace}.");
        }
        problems.AddRange(Permissions(run, Left));
        var createPullSecret = false;
        if (settings.ImagePullSecret is { } pullSecret && !(namespaceExists && Exists(run, "secret", pullSecret, namespaced: true, Left(), server)))
        {
            createPullSecret = settings.CreatePullSecret;
            if (!createPullSecret)
            {
                problems.Add(
                    $"The image pull secret {pullSecret} (chart value {ChartNames.PullSecretName}) does not exist in {settings.Namespace}: create it with " +
                    $"`{cluster.KubectlCommand($"create secret docker-registry {pullSecret} --docker-server={settings.Registry} --docker-username=<user> --docker-password=\"$(cat <token file>)\"")}`, " +
                    $"or pass --{ArgumentNames.CreatePullSecret} with the token in {EnvVars.RegistryPullToken}, or --{ArgumentNames.ImagePullSecret}= for public images.");
            }
        }
        var values = ChartValues.Load(settings);
        // Only Ingress objects name a TLS secret; in gateway mode the Gateway's listener holds the certificate.
        if (values.Get(ChartNames.TrafficProvider) == ChartNames.IngressNginx && values.Get(ChartNames.TlsSecretName) is { Length: > 0 } tls
            && !(namespaceExists && Exists(run, "secret", tls, namespaced: true, Left(), server)))
        {
            problems.Add(
                $"The TLS secret {tls} (chart value {ChartNames.TlsSecretName}, {ChartNames.TrafficProvider}={ChartNames.IngressNginx}) does not exist in {settings.Namespace}: the ingress would serve its default certificate. " +
                $"Create it with `{cluster.KubectlCommand($"create secret tls {tls} --cert=<certificate file> --key=<key file>")}` or have cert-manager issue it.");
        }
        if (problems.Count > 0 && !context.DryRun)
        {
            throw new DeployException($"The cluster preflight of {settings.Namespace} (context {contextName}) found {problems.Count} problem(s); nothing was changed:\n  {string.Join("\n  ", problems)}");
        }
        if (!namespaceExists && settings.CreateNamespace)
        {
            run.Record.Step($"create namespace {settings.Namespace}", () => context.KubectlCreateNamespace(settings.Namespace, cluster.Kubectl(namespaced: false)));
        }
        if (createPullSecret)
        {
            run.Record.Step($"create image pull secret {settings.ImagePullSecret}", () => CreatePullSecret(run));
        }
        context.Information(context.DryRun
            ? "[dry-run] cluster preflight printed; a real run stops here when a piece is missing."
            : $"Cluster preflight passed in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
    }

    private static IEnumerable<string> Permissions(DeployRun run, Func<TimeSpan> left)
    {
        var denied = new List<ClusterPermission>();
        foreach (var permission in ClusterPermission.For(run.Settings.CreateNamespace))
        {
            var answer = run.Context.KubectlCanI(permission.Verb, permission.Resource, run.Cluster.Kubectl(left(), permission.Namespaced));
            var said = answer.Output.Trim();
            if (answer.Succeeded || run.Context.DryRun)
            {
                continue;
            }
            if (said != "no")
            {
                throw Unreachable(run, answer, "");
            }
            denied.Add(permission);
        }
        if (denied.Count > 0)
        {
            yield return $"The current identity may not {string.Join(", ", denied.Select(p => p.Namespaced ? $"{p} (for {p.Why})" : $"{p} (cluster-wide, for {p.Why})"))}: " +
                         $"apply {RbacManifest} (`{run.Cluster.KubectlCommand($"apply -f {RbacManifest}")}`, after setting the CI identity in its subjects).";
        }
    }

    /// <summary><c>kubectl get &lt;kind&gt; &lt;name&gt; --ignore-not-found</c>; a dry run assumes it exists.</summary>
    private static bool Exists(DeployRun run, string kind, string name, bool namespaced, TimeSpan limit, string server)
    {
        var result = run.Context.KubectlFind(kind, name, run.Cluster.Kubectl(limit, namespaced));
        if (run.Context.DryRun)
        {
            return true;
        }
        if (!result.Succeeded)
        {
            throw Unreachable(run, result, server);
        }
        return result.Output.Trim().Length > 0;
    }

    private static DeployException Unreachable(DeployRun run, ToolResult result, string server) => new(
        $"The cluster preflight could not ask the API server{(server.Length > 0 ? $" at {server}" : "")}: {FirstLine(result.Error)} " +
        $"Check the kubeconfig ({EnvVars.KubeConfigData} in CI, else the current context) and that the cluster is reachable; nothing was changed.");

    /// <summary>A docker config JSON in a 0600 file for <c>kubectl create secret --from-file</c>: the token never reaches a command line.</summary>
    private static void CreatePullSecret(DeployRun run)
    {
        var settings = run.Settings;
        var token = run.Context.Environment.GetEnvironmentVariable(EnvVars.RegistryPullToken) ?? "";
        var user = settings.Owner ?? "token";
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{token}"));
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["auths"] = new Dictionary<string, object> { [settings.Registry] = new Dictionary<string, string> { ["username"] = user, ["password"] = token, ["auth"] = auth } },
        });
        var directory = System.IO.Directory.CreateTempSubdirectory("sovd-pull-secret-");
        try
        {
            var file = System.IO.Path.Combine(directory.FullName, "config.json");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new FileStream(file, options))
            {
                stream.Write(Encoding.UTF8.GetBytes(json));
            }
            run.Context.KubectlCreateSecretFromFile(settings.ImagePullSecret!, DockerConfigType, ".dockerconfigjson", new FilePath(file), run.Cluster.Kubectl());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Shown(string value, bool dryRun) => value.Length > 0 ? value : dryRun ? "(not known in a dry run)" : "(none)";

    private static string FirstLine(string text) => text.Split('\n').FirstOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "no answer";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
