using System.Diagnostics;
using Build.Tests.Tools.Support;
using Build.Tools.Kubectl;

namespace Build.Tests.Tools.Kubectl;

/// <summary>The preflight's and diagnostics' kubectl calls under a ToolTimeout, with Cake's real process runner.</summary>
[Trait("Tier", "process")]
public sealed class KubectlClusterCallsTests
{
    [Fact]
    public void KubectlEvents_WithToolTimeout_CapturesEveryLineTheProcessPrinted()
    {
        using var fixture = new ScriptToolFixture("kubectl");
        fixture.Script("kubectl", "i=0; while [ $i -lt 3000 ]; do echo \"event $i\"; i=$((i+1)); done\n");

        var result = fixture.Context.KubectlEvents(new KubectlSettings { Target = new("production"), ToolTimeout = TimeSpan.FromSeconds(30) });

        result.StandardOutput.Should().HaveCount(3000, "the timed wait returns at exit, the output must still be drained");
        result.StandardOutput[^1].Should().Be("event 2999");
    }

    [Fact]
    public void KubectlFind_ProcessOutlivesToolTimeout_IsKilledAndTheCallThrows()
    {
        using var fixture = new ScriptToolFixture("kubectl");
        var pidFile = Path.Combine(fixture.Bin, "kubectl.pid");
        fixture.Script("kubectl", $"echo $$ > '{pidFile}'\nexec sleep 60\n");

        var call = () => fixture.Context.KubectlFind("namespace", "production", new KubectlSettings { ToolTimeout = TimeSpan.FromSeconds(1) });

        call.Should().Throw<TimeoutException>().WithMessage("kubectl: no exit after 00:00:01 (ToolTimeout); the process was killed.");
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var gone = () => { using var process = Process.GetProcessById(pid); return process.HasExited; };
        gone.Should().Throw<ArgumentException>("the process no longer exists");
    }

    [Fact]
    public void KubectlCanIAndCreateSecret_RenderTheirArgumentsWithTheContentInAFileOnly()
    {
        using var fixture = new ScriptToolFixture("kubectl");
        var settings = new KubectlSettings { Target = new("production", "kind-sovd") };

        fixture.Context.KubectlCanI("get", "pods/log", settings);
        fixture.Argv("kubectl").Should().Equal("auth", "can-i", "get", "pods/log", "-n", "production", "--context", "kind-sovd");

        fixture.Context.KubectlCreateSecretFromFile("ghcr-pull", "kubernetes.io/dockerconfigjson", ".dockerconfigjson", new Cake.Core.IO.FilePath("/tmp/x/config.json"), settings);
        fixture.Argv("kubectl").Should().Equal(
            "create", "secret", "generic", "ghcr-pull", "--type=kubernetes.io/dockerconfigjson", "--from-file=.dockerconfigjson=/tmp/x/config.json",
            "-n", "production", "--context", "kind-sovd");
    }
}
