using Build.Rehearsal;
using Build.Tests.Rehearsal.Support;
using Pipeline.Definition.Stages;

namespace Build.Tests.Rehearsal;

/// <summary>The job runner on a fixture repository: real worktrees, processes and artifact hand-offs.</summary>
[Trait("Tier", "process")]
public sealed class IsolatedRunTests : IDisposable
{
    private static readonly Stage Make = new("Make", "writes the declared artifact and an undeclared cache", PipelineStep.Lint)
    {
        Uploads = [FixturePipeline.Made],
    };

    private static readonly Stage Use = new("Use", "reads the artifact and the undeclared cache", PipelineStep.UnitTests)
    {
        Needs = [Make],
        Downloads = [FixturePipeline.Made],
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rehearsal-test-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task RunAsync_StageReadsUndeclaredFileOfAnotherStage_PassesPlainRunAndFailsIsolatedNamingTheJob()
    {
        using var repository = FixtureRepository.Create(new Dictionary<string, string>
        {
            ["Make"] = "mkdir -p out/made .cache && echo made >out/made/a.txt && echo cached >.cache/left-behind.txt",
            ["Use"] = "cat out/made/a.txt && cat .cache/left-behind.txt",
        });

        repository.RunHere("Make").Should().Be(0);
        repository.RunHere("Use").Should().Be(0, "a plain run in one tree sees what Make left behind");

        var result = await new IsolatedRun(FixturePipeline.Options(repository, FixturePipeline.Of(Make, Use), _folder)).RunAsync(CancellationToken.None);

        result.Passed.Should().BeFalse();
        result.Jobs.Select(job => (job.Stage.Name, job.Outcome)).Should().Equal(("Make", JobOutcome.Passed), ("Use", JobOutcome.Failed));
        result.FirstFailure!.Stage.Should().Be(Use);
        var report = result.Report();
        report.Should().Contain("First failing job: Use (exit code 1)");
        report.Should().Contain(".cache/left-behind.txt: No such file or directory");
        File.ReadAllText(result.Jobs[1].LogPath!).Should().Contain("rehearsal: downloaded 'made' into out/made").And.Contain("made");
    }

    [Fact]
    public async Task RunAsync_RequiredArtifactMissing_FailsTheUploadingJobAndSkipsItsDependants()
    {
        using var repository = FixtureRepository.Create(new Dictionary<string, string>
        {
            ["Make"] = "echo 'made nothing'",
            ["Use"] = "true",
        });

        var result = await new IsolatedRun(FixturePipeline.Options(repository, FixturePipeline.Of(Make, Use), _folder)).RunAsync(CancellationToken.None);

        result.Jobs[0].Outcome.Should().Be(JobOutcome.Failed);
        result.Jobs[0].Reason.Should().Be("No files were found with the provided path: out/made. No artifacts will be uploaded (artifact 'made', if-no-files-found: error).");
        result.Jobs[1].Should().Match<JobResult>(job => job.Outcome == JobOutcome.Skipped && job.Reason == "needs Make, which failed");
    }

    [Fact]
    public async Task RunAsync_OptionalArtifactMissing_PassesWithoutUpload()
    {
        var optional = new Artifact("reports", "out/reports");
        var stage = new Stage("Report", "makes no report", PipelineStep.Lint) { Uploads = [optional] };
        using var repository = FixtureRepository.Create(new Dictionary<string, string> { ["Report"] = "true" });

        var result = await new IsolatedRun(FixturePipeline.Options(repository, FixturePipeline.Of(stage), _folder)).RunAsync(CancellationToken.None);

        result.Passed.Should().BeTrue();
        result.Jobs[0].Uploaded.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_Interrupted_StopsEveryJobAndLeavesNoProcessOrCheckout()
    {
        var first = new Stage("Sleep-One", "sleeps", PipelineStep.Lint);
        var second = new Stage("Sleep-Two", "sleeps", PipelineStep.Lint);
        var after = new Stage("After", "never starts", PipelineStep.UnitTests) { Needs = [first] };
        var pids = Path.Combine(_folder, "pids");
        Directory.CreateDirectory(pids);
        // Each job leaves a grandchild in the background and waits in the foreground: both must be gone afterwards.
        var sleeper = $"sleep 300 & echo $! >{pids}/$GITHUB_JOB.child; echo $$ >{pids}/$GITHUB_JOB.job; sleep 300";
        using var repository = FixtureRepository.Create(new Dictionary<string, string> { ["Sleep-One"] = sleeper, ["Sleep-Two"] = sleeper, ["After"] = "true" });
        using var interrupt = new CancellationTokenSource();

        var run = new IsolatedRun(FixturePipeline.Options(repository, FixturePipeline.Of(first, second, after), _folder)).RunAsync(interrupt.Token);
        await WaitFor(() => Directory.GetFiles(pids).Length == 4);
        Directory.GetFiles(pids).Should().HaveCount(4, "both jobs started");
        interrupt.Cancel();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));

        result.Interrupted.Should().BeTrue();
        result.Jobs.Select(job => (job.Stage.Name, job.Outcome)).Should().Equal(
            ("Sleep-One", JobOutcome.Failed), ("Sleep-Two", JobOutcome.Failed), ("After", JobOutcome.Skipped));
        foreach (var file in Directory.GetFiles(pids))
        {
            var pid = int.Parse(File.ReadAllText(file).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            // SIGKILL is delivered at once, the kernel takes a moment to end the process: allow it a few seconds.
            await WaitFor(() => !ProcessState.IsRunning(pid), TimeSpan.FromSeconds(5));
            ProcessState.IsRunning(pid).Should().BeFalse($"{Path.GetFileName(file)} (pid {pid}) must not outlive the rehearsal");
        }

        Directory.Exists(Path.Combine(_folder, "scratch")).Should().BeFalse();
        repository.Git("worktree", "list", "--porcelain").Split('\n').Count(line => line.StartsWith("worktree ", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task RunAsync_EventWithoutJobs_FailsListingTheValidEvents()
    {
        var pushOnly = new Stage("Push-Only", "runs on push", PipelineStep.ImagePush) { When = RunCondition.OnPush };
        using var repository = FixtureRepository.Create(new Dictionary<string, string> { ["Push-Only"] = "true" });
        var pipeline = FixturePipeline.Of(pushOnly);
        var options = FixturePipeline.Options(repository, pipeline, _folder) with { Event = RehearsalEvent.Parse("pull_request", pipeline) };

        var act = () => new IsolatedRun(options).RunAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<RehearsalException>()).WithMessage("The event pull_request runs no jobs of the definition: try one of push:develop, pull_request.");
    }

    [Fact]
    public async Task RunAsync_UncommittedFileWithIncludeUncommitted_RehearsesTheSnapshot()
    {
        var reader = new Stage("Read", "reads a file that is not committed", PipelineStep.Lint);
        using var repository = FixtureRepository.Create(new Dictionary<string, string> { ["Read"] = "cat new-file.txt" });
        File.WriteAllText(Path.Combine(repository.Root, "new-file.txt"), "not committed yet\n");
        var options = FixturePipeline.Options(repository, FixturePipeline.Of(reader), _folder);

        var head = await new IsolatedRun(options).RunAsync(CancellationToken.None);
        var snapshot = await new IsolatedRun(options with { IncludeUncommitted = true, RunFolder = Path.Combine(_folder, "run2") }).RunAsync(CancellationToken.None);

        head.Jobs[0].Outcome.Should().Be(JobOutcome.Failed, "HEAD does not have the file");
        snapshot.Jobs[0].Outcome.Should().Be(JobOutcome.Passed);
        repository.Git("status", "--porcelain").Should().Be("?? new-file.txt", "the snapshot leaves the index and branch alone");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task WaitFor(Func<bool> condition, TimeSpan? limit = null)
    {
        for (var waited = TimeSpan.Zero; !condition() && waited < (limit ?? TimeSpan.FromSeconds(30)); waited += TimeSpan.FromMilliseconds(100))
        {
            await Task.Delay(100);
        }
    }
}
