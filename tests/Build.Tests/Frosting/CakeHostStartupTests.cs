using Build.Frosting.Additions;
using Build.Tests.Frosting.Scenarios;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting;

public sealed class CakeHostStartupTests
{
    [Fact]
    public void Run_UnknownTarget_ListsValidTargetsAndReturnsOne()
    {
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseLifetime<RecordingLifetime>();

        var result = host.Run("--target", "Nope");

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Be("Error: The target 'Nope' was not found. Valid targets: Compile, Default, Lint, Package, Restore.\n");
        result.Probe.Events.Should().BeEmpty("neither setup nor a task may run");
    }

    [Theory]
    [InlineData("loud")]
    [InlineData("")]
    public void Run_InvalidVerbosity_ListsValidValuesAndReturnsOne(string value)
    {
        var result = new TestHost(OrderScenario.Tasks).Run("--verbosity=" + value);

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Contain(value.Length == 0
            ? "Error: Missing value for --verbosity."
            : "Error: Invalid value 'loud' for --verbosity. Valid values: quiet, minimal, normal, verbose, diagnostic.");
    }

    [Theory]
    [InlineData("q")]
    [InlineData("Diagnostic")]
    public void Run_ValidVerbosity_Runs(string value)
    {
        var result = new TestHost(OrderScenario.Tasks).Run("-t", "Restore", "-v", value);

        result.ExitCode.Should().Be(0);
        result.Probe.Ran.Should().Equal("Restore");
    }

    [Fact]
    public void Run_GraphProviderReportsErrors_PrintsEachAndRunsNothing()
    {
        var graph = new StubGraph(new Dictionary<string, string[]>(), "The pipeline definition is invalid:", "  Stage 'Deploy' needs 'Build', which is not defined.");
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseTaskGraph(graph).UseLifetime<RecordingLifetime>();

        var result = host.Run();

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Be("Error: The pipeline definition is invalid:\nError:   Stage 'Deploy' needs 'Build', which is not defined.\n");
        result.Probe.Events.Should().BeEmpty();
        graph.ValidatedNames.Should().BeEquivalentTo("Compile", "Default", "Lint", "Package", "Restore");
    }

    [Fact]
    public void Run_GraphProviderNamesUnknownTask_ReturnsOne()
    {
        var graph = new StubGraph(new Dictionary<string, string[]> { ["Compile"] = ["Generate"] });
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseTaskGraph(graph);

        var result = host.Run();

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Contain("Error: Task 'Compile' is dependent on 'Generate' (from the task graph), which is not a task.");
    }

    [Fact]
    public void Run_GraphProviderThrows_PrintsTheErrorInsteadOfCrashing()
    {
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseTaskGraph(new ThrowingGraph());

        var result = host.Run();

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Be(
            "Error: Sequence contains no elements (InvalidOperationException)\nRun with --verbosity=diagnostic to see where it happened.\n");
    }

    [Fact]
    public void Run_AttributeEdgeToUnregisteredTask_SaysWhichAndReturnsOne()
    {
        var result = new TestHost(typeof(CycleA)).Run("-t", "CycleA");

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Be(
            $"Error: Task 'CycleA' is dependent on '{typeof(CycleB).FullName}', which is not a registered task.\n");
    }

    [Fact]
    public void Run_CircularDependency_PrintsTheCycleAsAPath()
    {
        var result = new TestHost(typeof(CycleA), typeof(CycleB)).Run("-t", "CycleA");

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Be("Error: Circular dependency: CycleA -> CycleB -> CycleA.\n");
    }

    [Fact]
    public void Run_TaskNeedsAnotherContext_SaysWhichAndReturnsOne()
    {
        var result = new TestHost(typeof(OtherContextTask)).Run("-t", "Other");

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Contain("Task 'Other' needs a context of type 'OtherContext', but the host's context is 'ProbeContext'.");
    }

    [Theory]
    [InlineData("build")]
    [InlineData("-x")]
    public void Run_UnexpectedToken_ReturnsOne(string token)
    {
        var result = new TestHost(OrderScenario.Tasks).Run(token);

        result.ExitCode.Should().Be(1);
        result.Errors.Should().StartWith("Error: ").And.Contain($"'{token}'");
    }

    [Fact]
    public void Run_Help_PrintsOptionsAndReturnsZero()
    {
        var result = new TestHost(OrderScenario.Tasks).Run("--help");

        result.ExitCode.Should().Be(0);
        result.Output.Should().Contain("--target").And.Contain("--dryrun").And.Contain("--verbosity");
        result.Probe.Events.Should().BeEmpty();
    }

    [Fact]
    public void Run_RegisteredTaskTypeIsNotATask_NamesItAndReturnsOne()
    {
        var result = new TestHost(typeof(string)).Run();

        result.ExitCode.Should().Be(1);
        result.Errors.Should().StartWith("Error: Not public non-abstract FrostingTask<T>/AsyncFrostingTask<T> classes: System.String.\n");
    }
}
