using Build.Settings;
using Build.Tests.Support;
using Build.Tests.Tasks.Code.Support;
using Pipeline.Definition;

namespace Build.Tests.Tasks.Code;

/// <summary>
/// Test-Pipeline runs this very suite, so its tests use the dry run (a real run from inside the suite would rebuild
/// the assemblies under test and recurse).
/// </summary>
[Trait("Tier", "process")]
public sealed class TestPipelineTests
{
    private static readonly string Reports = TestArtifacts.Of(SovdPipeline.PipelineTestReports);

    [Fact]
    public async Task TestPipeline_DryRun_PrintsDotnetTestOfTheSolutionWithTheDefaultFilterAndTrxIntoItsArtifact()
    {
        var result = await CodeStage.RunAsync("Test-Pipeline", arguments: ["--dryrun"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Output.Should().Contain($"Test filter: {CodeSettings.DefaultTestFilter} (--test-filter)")
            .And.Contain($"dotnet test \"{RepoPaths.Root}/Pipeline.sln\"")
            .And.Contain($"--filter \"{CodeSettings.DefaultTestFilter}\"")
            .And.Contain("Requires!=python").And.Contain("Requires!=node")
            .And.Contain("--logger \"trx;LogFilePrefix=pipeline\"")
            .And.Contain($"--results-directory \"{Reports}\"");
    }

    [Fact]
    public async Task TestPipeline_TestFilterArgument_ReplacesTheDefault_AndAnEmptyOneRunsEveryTest()
    {
        var narrowed = await CodeStage.RunAsync("Test-Pipeline", arguments: ["--dryrun", "--test-filter=FullyQualifiedName~Definition"]);
        var everything = await CodeStage.RunAsync("Test-Pipeline", arguments: ["--dryrun", "--test-filter="]);

        narrowed.Output.Should().Contain("--filter \"FullyQualifiedName~Definition\"").And.NotContain("Requires!=docker");
        everything.Output.Should().Contain("Test filter: none (every test)").And.NotContain("--filter");
    }
}
