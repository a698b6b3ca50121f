namespace Sample.Tests.Support;

/// <summary>
/// tools/k8s-schemas/validate.mjs: every rendered document against Kubernetes' schemas (npm kubernetes-models) and
/// Gateway API's (npm @kubernetes-models/gateway-api). Exit 0 valid, 1 findings (one per line), 2 bad input.
/// </summary>
public static class K8sSchemas
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tools", "k8s-schemas");

    public static ProcessResult Validate(string manifests)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "kubernetes-models")))
        {
            throw new InvalidOperationException(
                $"The schema validator is not installed: run `npm ci` in {Folder} (scripts/setup-machine.sh does it).");
        }

        var node = ProcessRunner.FindOnPath("node", Environment.GetEnvironmentVariable("PATH"))
            ?? throw new InvalidOperationException("node not found on PATH; install Node.js 20 or later.");
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, manifests);
            return ProcessRunner.Run(node, [Path.Combine(Folder, "validate.mjs"), file], Folder);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
