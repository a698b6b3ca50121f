using Build.Tests.Support;
using Pipeline.Definition;

namespace Build.Tests.Host;

/// <summary>The real host through ./build.sh: what people see at the command line.</summary>
[Trait("Tier", "process")]
public sealed class HostCommandLineTests
{
    [Fact]
    public async Task UnknownTarget_ListsValidTargets_AndExitsOne()
    {
        var result = await HostRun.RunAsync("--target=Nope");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("Error: The target 'Nope' was not found. Valid targets:");
        foreach (var target in SovdPipeline.Definition.Targets)
        {
            result.Output.Should().Contain(target.Name);
        }
    }

    [Fact]
    public async Task Description_ListsEveryTargetOfTheDefinition()
    {
        var result = await HostRun.RunAsync("--description");

        result.ExitCode.Should().Be(0, result.ToString());
        foreach (var target in SovdPipeline.Definition.Targets)
        {
            result.Output.Should().Contain(target.Name);
        }

        // The host finds the entry assembly's concrete tasks and nothing else (no base classes, no helpers).
        result.Output.Split('\n').SkipWhile(line => !line.StartsWith("Task ", StringComparison.Ordinal)).Skip(1)
            .Where(line => line.Length > 0).Select(line => line.Split(' ')[0])
            .Should().BeEquivalentTo(SovdPipeline.Definition.Targets.Select(t => t.Name));
    }

    [Fact]
    public async Task Tree_ShowsTheStagesAProductionDeployNeeds()
    {
        var result = await HostRun.RunAsync("--tree", "--target=Deploy-Production");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().ContainAll("Deploy-Production", "Push-Images", "Build-Images", "Test-E2E", "Check-Workflow");
    }

    [Fact]
    public async Task DryRun_OfCI_PrintsEveryStagesCommandsAndChangesNothing()
    {
        var workflow = Path.Combine(RepoPaths.Root, SovdPipeline.Settings.WorkflowFile);
        var before = File.GetLastWriteTimeUtc(workflow);

        var result = await HostRun.RunAsync("--target=CI", "--dryrun");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().ContainAll(
            "-m ruff check", "-m black --check", "-m mypy", "npm run lint", "npm run format:check",
            "-m pytest", "npm run test:coverage", "dotnet test", "docker build", "up -d --no-build",
            "down -v --remove-orphans", "playwright test", "-m pip_audit", "-m bandit", "npm audit --audit-level=critical",
            "trivy image --severity CRITICAL");
        File.GetLastWriteTimeUtc(workflow).Should().Be(before);
    }

    [Fact]
    public async Task BuildScript_FromAnotherFolder_RunsTheHost()
    {
        var result = await HostRun.RunAsync(["--target=List-Pins"], workingDirectory: Path.GetTempPath());

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain("actions/checkout");
    }
}
