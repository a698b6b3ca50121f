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
        var settings = CodeSettings.From(context);
        var reports = context.ArtifactDirectory(SovdPipeline.PipelineTestReports);
        int? exitCode = null;
        var test = new DotNetTestSettings
        {
            Filter = settings.TestFilter,
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
        context.Information("{0}", settings.TestFilter is null ? "Test filter: none (every test)" : $"Test filter: {settings.TestFilter} (--{ArgumentNames.TestFilter})");
        ReportFolder.Reset(context, reports);
        context.DotNetTest(settings.Solution.FullPath, test);
        TestReports.JudgeTrx(context, SovdPipeline.TestPipeline, exitCode ?? 0, reports);
    }
}
