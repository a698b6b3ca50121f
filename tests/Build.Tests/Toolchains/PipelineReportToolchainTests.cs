using Build.Tests.Support;

namespace Build.Tests.Toolchains;

/// <summary>
/// The parity check on this machine for real: Pipeline-Report compares what CI's jobs set up with what a local run
/// takes (the toolchain image against the pins, the clone's Node, the Compose and buildx plugins) and finds no difference.
/// </summary>
[Trait("Tier", "process")]
public sealed class PipelineReportToolchainTests
{
    [Fact]
    [Trait("Requires", "docker")]
    public async Task PipelineReport_ThisMachineAfterSetUp_EveryToolchainIsTheSameAsTheCiJobs()
    {
        var result = await HostRun.RunAsync(["--target=Pipeline-Report"], timeout: TimeSpan.FromMinutes(10));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("Toolchains, CI job against this machine (issue #23):")
            .And.MatchRegex(@"same +python +CI: 3\.13 \+ requirements-dev\.txt pins; here: .*, same pins")
            .And.MatchRegex(@"same +node +CI: Node 24 \(setup-node\); here: v24\.")
            .And.MatchRegex(@"same +docker compose +CI: Compose v2 \(runner image\); here: Compose v2 ")
            .And.MatchRegex(@"same +docker buildx ")
            .And.NotContain("DIFF");
    }
}
