using System.Globalization;
using Build.Tests.Support;
using Build.Tests.Tasks.Containers.Support;
using Build.Tools.Npm;

namespace Build.Tests.Host;

/// <summary>
/// scripts/trust-system-ca.sh, sourced by build.sh and the set-up: Node gets the system's CA bundle through
/// NODE_EXTRA_CA_CERTS, so npm works behind a proxy that re-signs TLS with a CA only the system trusts.
/// </summary>
public sealed class TrustSystemCaTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "scripts", "trust-system-ca.sh");
    private static readonly string Node = Path.Combine(RepoPaths.Root, NodeRuntime.ToolsFolder, "node");

    [Fact]
    [Trait("Requires", "node")]
    public async Task Sourced_InAPlainShell_NodeLoadsTheSystemBundleAsExtraCertificates()
    {
        var withBundle = await NodeExtraCertificates($"source '{Script}'; ");
        var without = await NodeExtraCertificates("");

        without.Should().Be("0", "Node alone trusts only its built-in CAs");
        int.Parse(withBundle, CultureInfo.InvariantCulture).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Sourced_WithTheUsersOwnBundle_KeepsIt()
    {
        var run = await Command.RunAsync("env", ["-i", "NODE_EXTRA_CA_CERTS=/etc/company/ca.pem", "/bin/bash", "-c",
            $"source '{Script}'; echo \"$NODE_EXTRA_CA_CERTS\""]);

        run.Output.Trim().Should().Be("/etc/company/ca.pem");
    }

    // tls.getCACertificates('extra'): Node >= 22.15, the certificates NODE_EXTRA_CA_CERTS added.
    private static async Task<string> NodeExtraCertificates(string prelude)
    {
        var run = await Command.RunAsync("env", ["-i", "PATH=/usr/bin:/bin", "/bin/bash", "-c",
            $"{prelude}'{Node}' -p \"require('tls').getCACertificates('extra').length\""]);
        run.ExitCode.Should().Be(0, run.Error);
        return run.Output.Trim();
    }
}
