using Build.Tools.Kubectl;
using Cake.Core.IO;

namespace Build.Deploy;

/// <summary>
/// kubectl is supported within one minor version of the cluster (older or newer); a wider gap can misbehave in
/// subtle ways (fields dropped, rollout status misread). Reported before the deploy changes anything, not fatal.
/// </summary>
public static class KubectlVersionSkew
{
    /// <summary>The warning for this pair of versions, or null when they are within one minor version.</summary>
    public static string? Problem(KubeVersion client, KubeVersion server)
    {
        var gap = client.Major == server.Major ? Math.Abs(client.Minor - server.Minor) : int.MaxValue;
        return gap <= 1
            ? null
            : $"kubectl {client} is {(gap == int.MaxValue ? "a different major version" : $"{gap} minor versions")} away from the cluster's {server}: " +
              $"kubectl supports one minor version either way; use kubectl {server.Major}.{server.Minor} " +
              "(the pinned one: scripts/install-helm.sh, DeployTools in the definition).";
    }

    /// <summary>Asks kubectl for both versions and logs the outcome; a cluster that does not answer is only noted.</summary>
    public static void Report(BuildContext context, DeploySettings settings, FilePath? kubeConfig)
    {
        var versions = context.KubectlVersion(new KubectlVersionSettings { KubeContext = settings.KubeContext, KubeConfig = kubeConfig });
        if (versions is not { Client: { } client, Server: { } server })
        {
            context.Verbose("kubectl version: no server version (dry run, or the cluster did not answer); skew not checked.");
            return;
        }
        if (Problem(client, server) is { } problem)
        {
            context.Warning(problem);
            return;
        }
        context.Verbose($"kubectl {client}, cluster {server}: within one minor version.");
    }
}
