using Build.Frosting.Additions;
using Build.Tests.Frosting.Scenarios;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting;

public sealed class CakeHostOutputTests
{
    [Fact]
    public void Run_Tree_DrawsEveryRootWithEdgesFromAttributesAndGraph()
    {
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseTaskGraph(OrderScenario.Graph());

        var result = host.Run("--tree");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Be(
            """
            Default
            ├─Package
            │ └─Compile
            │   └─Restore
            └─Lint


            """.ReplaceLineEndings("\n"));
        result.Probe.Events.Should().BeEmpty();
    }

    [Fact]
    public void Run_TreeOfTarget_DrawsOnlyThatTarget()
    {
        var result = new TestHost(OrderScenario.Tasks).Run("--showtree", "-t", "Compile");

        result.Output.Should().Be("Compile\n└─Restore\n\n");
    }

    [Fact]
    public void Run_Description_ListsTasksSortedAndAligned()
    {
        var result = new TestHost(OrderScenario.Tasks).Run("--description");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Be(
            """
            Task     Description
            Compile  Compiles everything
            Default
            Lint
            Package
            Restore  Restores packages

            """.ReplaceLineEndings("\n"));
    }
}
