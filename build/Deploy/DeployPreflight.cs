using Build.Tools.Aws;
using Build.Tools.Helm;
using Build.Tools.Kubectl;

namespace Build.Deploy;

/// <summary>Every tool, setting and secret format a deploy needs, checked together before anything touches a cluster.</summary>
public static class DeployPreflight
{
    public static void Ensure(BuildContext context, DeploySettings settings)
    {
        var problems = new List<string>();
        try
        {
            ToolPreflight.Ensure(context, [.. Requirements(), .. settings.Eks is null ? [] : new[] { AwsRunner.Spec.Requirement() }]);
        }
        catch (MissingToolsException missing)
        {
            problems.AddRange(missing.Message.Split('\n'));
        }
        problems.AddRange(settings.Problems);
        if (problems.Count == 0)
        {
            problems.AddRange(SecretProblems());
        }
        if (problems.Count == 0 && settings.Eks is { } eks && !context.DryRun)
        {
            problems.AddRange(AwsIdentity.Problems(context, eks));
        }
        if (problems.Count > 0)
        {
            throw new DeployException($"{settings.Stage.Name} cannot start; nothing was changed:\n  {string.Join("\n  ", problems)}");
        }
    }

    /// <summary>Read-only checks once the kubeconfig exists: kubectl within one minor version of the cluster.</summary>
    public static void CheckCluster(BuildContext context, DeploySettings settings, Cake.Core.IO.FilePath? kubeConfig)
    {
        if (!context.DryRun)
        {
            KubectlVersionSkew.Report(context, settings, kubeConfig);
        }
    }

    /// <summary>helm deploys; kubectl runs the cluster preflight, the rollout waits and the diagnostics.</summary>
    private static ToolRequirement[] Requirements()
    {
        // The smoke script needs bash, curl and jq.
        var smoke = new[]
        {
            OnPath("bash", "install bash"),
            OnPath("curl", "install curl (apt-get install curl; preinstalled on GitHub runners)"),
            OnPath("jq", "install jq (apt-get install jq; preinstalled on GitHub runners)"),
        };
        return [Helm, KubectlRunner.Spec.Requirement(), .. smoke];
    }

    /// <summary>helm as the wrappers find it (PATH), with this repository's own installer in the hint.</summary>
    private static ToolRequirement Helm =>
        HelmRunner.Spec.Requirement() with { InstallHint = $"{HelmRunner.Spec.InstallHint}; here: scripts/install-helm.sh, then put .tools/bin on PATH" };

    private static ToolRequirement OnPath(string name, string hint) => new(name, hint, context => context.Tools.Resolve(name) is not null);

    private static IEnumerable<string> SecretProblems()
    {
        try
        {
            KubeConfigFile.Decode();
            return [];
        }
        catch (DeployException error)
        {
            return [error.Message];
        }
    }
}
