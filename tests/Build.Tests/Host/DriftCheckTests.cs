using Build.Tests.Support;
using Pipeline.Definition;

namespace Build.Tests.Host;

/// <summary>Check-Workflow against a copy of the generated files, so the repository's own files are never touched.</summary>
[Trait("Tier", "process")]
public sealed class DriftCheckTests : IDisposable
{
    private readonly DirectoryInfo _copy = Directory.CreateTempSubdirectory("drift-");

    [Fact]
    public async Task CheckWorkflow_HandEditedWorkflow_FailsAndShowsTheChangedLine_ThenPassesAfterGenerate()
    {
        var workflow = Path.Combine(_copy.FullName, SovdPipeline.Settings.WorkflowFile);
        var generated = await HostRun.RunAsync("--target=Generate-Workflow", $"--output-root={_copy.FullName}");
        generated.ExitCode.Should().Be(0, generated.ToString());
        File.WriteAllText(workflow, File.ReadAllText(workflow).Replace("timeout-minutes: 5", "timeout-minutes: 50"));

        var stale = await HostRun.RunAsync("--target=Check-Workflow", $"--output-root={_copy.FullName}");

        stale.ExitCode.Should().NotBe(0, stale.ToString());
        stale.Output.Should().Contain("-    timeout-minutes: 5").And.Contain("+    timeout-minutes: 50");
        stale.Output.Should().Contain("Run ./build.sh --target=Generate-Workflow and commit the result");

        (await HostRun.RunAsync("--target=Generate-Workflow", $"--output-root={_copy.FullName}")).ExitCode.Should().Be(0);
        var fresh = await HostRun.RunAsync("--target=Check-Workflow", $"--output-root={_copy.FullName}");
        fresh.ExitCode.Should().Be(0, fresh.ToString());
    }

    [Fact]
    public async Task CheckWorkflow_MissingDiagram_FailsNamingTheFile()
    {
        await HostRun.RunAsync("--target=Generate-Workflow", $"--output-root={_copy.FullName}");
        File.Delete(Path.Combine(_copy.FullName, "docs", "pipeline.md"));

        var result = await HostRun.RunAsync("--target=Check-Workflow", $"--output-root={_copy.FullName}");

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("docs/pipeline.md does not exist.");
    }

    [Fact]
    public async Task CheckWorkflow_CommittedFiles_MatchTheDefinition()
    {
        var result = await HostRun.RunAsync("--target=Check-Workflow");

        result.ExitCode.Should().Be(0, result.ToString());
    }

    public void Dispose() => _copy.Delete(recursive: true);
}
