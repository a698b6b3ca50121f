using System.Diagnostics;

namespace Build.Tests.Tasks.Deploy.Support;

/// <summary>
/// A test that deploys to a real local cluster (kind or k3d, README "Rehearse on a local cluster"). It runs only
/// when SOVD_REHEARSAL_CONTEXT names a kube context whose API server answers; otherwise it is skipped and says why
/// (no Kubernetes API server can run on the machines this suite is usually run on).
/// </summary>
public sealed class LocalClusterFactAttribute : FactAttribute
{
    public const string ContextVariable = "SOVD_REHEARSAL_CONTEXT";

    public LocalClusterFactAttribute()
    {
        Skip = SkipReason();
    }

    public static string? Context => Environment.GetEnvironmentVariable(ContextVariable) is { Length: > 0 } name ? name : null;

    private static string? SkipReason()
    {
        if (Context is not { } context)
        {
            return $"no local cluster: set {ContextVariable} to a kind/k3d kube context to run the rehearsal (README, Deployments)";
        }
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("kubectl", ["--context", context, "--request-timeout=5s", "get", "--raw", "/readyz"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            if (!probe.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                probe.Kill(entireProcessTree: true);
                return $"the cluster of context {context} did not answer within 10 s";
            }
            return probe.ExitCode == 0 ? null : $"the cluster of context {context} is not reachable: {probe.StandardError.ReadToEnd().Trim()}";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "kubectl is not installed";
        }
    }
}
