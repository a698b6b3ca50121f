using Cake.Common.Tools.DotNet;
using Cake.Common.Tools.DotNet.Test;

namespace Build.Tasks;

/// <summary>
/// The repository's own tests. No tool preflight: the .NET SDK that runs this host is the one that runs the tests.
/// </summary>
[TaskName(TargetNames.TestPipeline)]
public sealed class TestPipeline : FrostingTask<BuildContext>
{
    public override void Run(BuildContext context)
    {
        var filter = context.TestFilter();
        var reports = context.ArtifactDirectory(SovdPipeline.PipelineTestReports);
        int? exitCode = null;
        var test = new DotNetTestSettings
        {
            Filter = filter,
            // A prefix (not a file name): every test project of the solution writes its own .trx instead of overwriting one file.
            Loggers = ["trx;LogFilePrefix=pipeline"],
            ResultsDirectory = reports,
            // The exit code is judged below, together with the TRX counters, for a message that names the failed tests.
            HandleExitCode = code =>
            {
                exitCode = code;
                return true;
            },
        };
        context.Information("{0}", filter is null ? "Test filter: none (every test)" : $"Test filter: {filter} (--{ArgumentNames.TestFilter})");
        ReportFolder.Reset(context, reports);
        context.DotNetTest(context.RepoRoot.CombineWithFilePath(Repository.Solution).FullPath, test);
        TestReports.JudgeTrx(context, SovdPipeline.TestPipeline, exitCode ?? 0, reports);
    }
}
