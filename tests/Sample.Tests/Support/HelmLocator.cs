namespace Sample.Tests.Support;

/// <summary>
/// Finds the real helm binary: $HELM, then &lt;repo&gt;/.tools/bin/helm (scripts/install-helm.sh), then PATH.
/// A missing helm is a failure, never a skip, so CI cannot go green without rendering the chart.
/// </summary>
public static class HelmLocator
{
    public const string EnvironmentVariable = "HELM";
    public const string InstallHint = "run `bash scripts/install-helm.sh` (installs helm into .tools/bin/helm) or set HELM to a helm binary";

    public static string Find() =>
        Find(Environment.GetEnvironmentVariable(EnvironmentVariable), RepoPaths.Root, Environment.GetEnvironmentVariable("PATH"));

    public static string Find(string? helmVariable, string repoRoot, string? pathVariable)
    {
        if (!string.IsNullOrWhiteSpace(helmVariable))
        {
            return File.Exists(helmVariable)
                ? helmVariable
                : throw new InvalidOperationException(
                    $"{EnvironmentVariable} is set to '{helmVariable}', but no file exists there; {InstallHint}.");
        }

        var installed = Path.Combine(repoRoot, ".tools", "bin", "helm");
        if (File.Exists(installed))
        {
            return installed;
        }

        return ProcessRunner.FindOnPath("helm", pathVariable)
            ?? throw new InvalidOperationException(
                $"helm not found (checked ${EnvironmentVariable}, {installed} and PATH); {InstallHint}.");
    }
}
