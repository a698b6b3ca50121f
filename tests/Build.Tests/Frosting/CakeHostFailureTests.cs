using Build.Tests.Frosting.Scenarios;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting;

public sealed class CakeHostFailureTests
{
    [Fact]
    public void Run_TaskFails_CallsOnErrorAndFinallySkipsDependantsAndReturnsOne()
    {
        var host = new TestHost(typeof(FailingTask), typeof(FailDefault));
        host.Host.UseLifetime<RecordingLifetime>();

        var result = host.Run();

        result.ExitCode.Should().Be(1);
        result.Probe.Events.Should().Equal("Setup", "OnError:boom", "Finally:Fail", "Teardown:failed");
        result.Errors.Should().Contain("Error: boom");
        result.Output.Should().MatchRegex(@"Fail\s+\S+\s+Failed");
    }

    [Fact]
    public void Run_WorkingDirectoryMissing_SaysWhichAndRunsNothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}");

        var result = new TestHost(OrderScenario.Tasks).Run("--working", missing);

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Be($"Error: The working directory '{missing}' does not exist. Pass an existing directory to --working.\n");
        result.Probe.Events.Should().BeEmpty();
    }

    [Fact]
    public void Run_SetupFails_RunsNoTaskRunsTeardownAndReturnsOne()
    {
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseLifetime<FailingSetupLifetime>();

        var result = host.Run("-t", "Restore");

        result.ExitCode.Should().Be(1);
        result.Probe.Events.Should().Equal("Teardown");
        result.Errors.Should().Contain("Error: Setup failed: docker is not running");
    }

    [Fact]
    public void Run_TeardownFails_StillPrintsSummaryAndReturnsOne()
    {
        var host = new TestHost(OrderScenario.Tasks);
        host.Host.UseLifetime<FailingTeardownLifetime>();

        var result = host.Run("-t", "Restore");

        result.ExitCode.Should().Be(1);
        result.Probe.Events.Should().Equal("Setup", "Run:Restore");
        result.Output.Should().MatchRegex(@"Restore\s+\S+\s+Succeeded");
        result.Errors.Should().EndWith("Error: could not stop the compose stack\n");
    }

    [Fact]
    public void Run_DependencySkipped_PrintsReasonInLogAndSummaryAndSucceeds()
    {
        var result = new TestHost(typeof(SkippedDeploy), typeof(SkipDefault)).Run();

        result.ExitCode.Should().Be(0);
        result.Probe.Ran.Should().Equal("Default");
        result.Output.Should().Contain("Skipping task 'Deploy': Deploy-Production runs only on main");
        result.Output.Should().MatchRegex(@"Deploy\s+│?\s*-\s+│?\s*Skipped\s+│?\s*Deploy-Production runs only on main");
    }

    [Fact]
    public void Run_TargetSkipped_ReturnsOneWithTheReason()
    {
        var result = new TestHost(typeof(SkippedDeploy), typeof(SkipDefault)).Run("-t", "Deploy");

        result.ExitCode.Should().Be(1);
        result.Errors.Should().Contain("Error: Could not reach target 'Deploy' since it was skipped: Deploy-Production runs only on main.");
    }
}
