using Build.Tests.Support;

namespace Build.Tests.Tasks.Deploy;

/// <summary>scripts/kind-rehearsal.sh where no cluster runs (here): it skips saying why, and refuses a bad argument.</summary>
[Trait("Tier", "process")]
public sealed class KindRehearsalScriptTests
{
    [Fact]
    public async Task KindRehearsal_NoClusterAnswers_Real_SkipsAndSaysWhy()
    {
        var result = await LocalClusterRehearsalTests.ScriptAsync("--context=sovd-no-such-context");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("kind-rehearsal: skipped: no cluster answers for context sovd-no-such-context (kind create cluster --name sovd-no-such-context, or pass --create)");
    }

    [Fact]
    public async Task KindRehearsal_UnknownArgument_Real_ExitsTwoNamingIt()
    {
        var result = await LocalClusterRehearsalTests.ScriptAsync("--contxt=x");

        result.ExitCode.Should().Be(2);
        result.Output.Should().Contain("kind-rehearsal: unknown argument --contxt=x");
    }
}
