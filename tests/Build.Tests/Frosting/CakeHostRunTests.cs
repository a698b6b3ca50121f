using Build.Frosting.Additions;
using Build.Tests.Frosting.Scenarios;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting;

public sealed class CakeHostRunTests
{
    [Fact]
    public void Run_NoTarget_RunsDefaultAfterAllDependenciesFromAttributesAndGraph()
    {
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseTaskGraph(OrderScenario.Graph());

        var result = host.Run();

        result.ExitCode.Should().Be(0);
        result.Probe.Ran.Should().Equal("Restore", "Compile", "Package", "Lint", "Default");
    }

    [Fact]
    public void Run_TargetGiven_RunsOnlyThatTargetAndItsDependencies()
    {
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseTaskGraph(OrderScenario.Graph());

        var result = host.Run("--target=Package");

        result.ExitCode.Should().Be(0);
        result.Probe.Ran.Should().Equal("Restore", "Compile", "Package");
    }

    [Theory]
    [InlineData("-t", "compile")]
    [InlineData("--target", "Compile")]
    public void Run_TargetInOtherCaseOrShortForm_RunsTarget(string option, string target)
    {
        var result = new TestHost(OrderScenario.Tasks).Run(option, target);

        result.ExitCode.Should().Be(0);
        result.Probe.Ran.Should().Equal("Restore", "Compile");
    }

    [Fact]
    public void Run_SeveralTargets_RunsEachOnceWithSharedDependencyFirstAndOnlyOnce()
    {
        var result = new TestHost(typeof(SharedBase), typeof(SharedAlpha), typeof(SharedBeta)).Run("-t", "Beta", "--target", "Alpha");

        result.ExitCode.Should().Be(0);
        result.Probe.Ran.Should().HaveCount(3);
        result.Probe.Ran[0].Should().Be("Shared");
        result.Probe.Ran.Should().Contain(["Alpha", "Beta"]);
    }

    [Fact]
    public void Run_Exclusive_RunsOnlyTheTarget()
    {
        var result = new TestHost(OrderScenario.Tasks).Run("--target", "Compile", "--exclusive");

        result.ExitCode.Should().Be(0);
        result.Probe.Ran.Should().Equal("Compile");
    }

    [Fact]
    public void Run_AsyncTask_AwaitsIt()
    {
        var result = new TestHost(typeof(AsyncRecordingTask)).Run();

        result.ExitCode.Should().Be(0);
        result.Probe.Ran.Should().Equal("Async");
    }

    [Fact]
    public void Run_Lifetimes_WrapTheRunAndEveryTask()
    {
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseLifetime<RecordingLifetime>().UseTaskLifetime<RecordingTaskLifetime>();

        var result = host.Run("-t", "Compile");

        result.Probe.Events.Should().Equal(
            "Setup",
            "TaskSetup:Restore", "Run:Restore", "TaskTeardown:Restore:ran",
            "TaskSetup:Compile", "Run:Compile", "TaskTeardown:Compile:ran",
            "Teardown:ok");
    }

    [Fact]
    public void Run_Always_PrintsSummaryWithEveryTask()
    {
        var result = new TestHost(OrderScenario.Tasks).Run("-t", "Compile");

        result.Output.Should().Contain("Task").And.Contain("Duration").And.Contain("Status");
        result.Output.Should().MatchRegex(@"Restore\s+\S+\s+Succeeded");
        result.Output.Should().MatchRegex(@"Compile\s+\S+\s+Succeeded");
    }

    [Fact]
    public void Run_ArgumentsGiven_ReachTasksThroughArgumentAndHasArgument()
    {
        var result = new TestHost(typeof(ArgumentsTask)).Run("--retries=3", "--name", "sovd", "--fast");

        result.ExitCode.Should().Be(0);
        result.Probe.Events.Should().Equal("retries=3", "name=sovd", "fast=True", "targets=Default");
    }

    [Fact]
    public void Run_ArgumentDoesNotConvert_FailsNamingTheArgument()
    {
        var result = new TestHost(typeof(ArgumentsTask)).Run("--retries=abc");

        result.ExitCode.Should().Be(1);
        result.Errors.Should().EndWith("Error: Invalid value 'abc' for argument --retries: abc is not a valid value for Int32.\n");
    }
}
