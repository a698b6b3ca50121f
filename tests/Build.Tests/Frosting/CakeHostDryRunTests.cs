using Build.Tests.Frosting.Scenarios;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting;

public sealed class CakeHostDryRunTests
{
    [Fact]
    public void Run_DryRun_PrintsCommandWithSecretRedactedAndStartsNoProcess()
    {
        var result = new TestHost(typeof(PushTask)).Run("--dryrun");

        result.ExitCode.Should().Be(0);
        result.Probe.Events.Should().Equal("exit=0", "dryRun=True");
        result.Output.Should().Contain("[dry-run] /bin/false push [REDACTED] (in /tmp)");
        result.Output.Should().NotContain("s3cr3t-token");
    }

    [Fact]
    [Trait("Tier", "process")]
    public void Run_WithoutDryRun_StartsTheProcess()
    {
        var result = new TestHost(typeof(PushTask)).Run();

        result.ExitCode.Should().Be(0);
        result.Probe.Events.Should().Equal("exit=1", "dryRun=False");
        result.Output.Should().NotContain("[dry-run]");
    }

    [Theory]
    [InlineData("--noop")]
    [InlineData("--whatif")]
    public void Run_DryRunAliases_AreDryRuns(string option)
    {
        var result = new TestHost(typeof(PushTask)).Run(option);

        result.Probe.Events.Should().Equal("exit=0", "dryRun=True");
    }
}
