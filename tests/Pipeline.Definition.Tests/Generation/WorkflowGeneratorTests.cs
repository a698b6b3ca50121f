using Pipeline.Definition.Generation;
using Pipeline.Definition.Stages;
using Pipeline.Definition.Tests.Support;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Generation;

/// <summary>The generated workflow of the real pipeline, checked stage by stage against the definition.</summary>
public class WorkflowGeneratorTests
{
    private static readonly Workflow Generated = WorkflowGenerator.Generate(SovdPipeline.Definition);

    public static TheoryData<string> StageNames => [.. SovdPipeline.Definition.Stages.Select(s => s.Name)];

    [Fact]
    public void Generate_SovdPipeline_OneJobPerStageInStageOrder()
    {
        Generated.Jobs.Select(j => (j.Id, j.Name)).Should().Equal(
            SovdPipeline.Definition.Stages.Select(s => (s.JobId, s.Name)));
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Generate_EveryStage_NeedsIdsEqualTheStagesNeeds(string name)
    {
        var (stage, job) = Pair(name);

        job.Needs.Select(n => n.Id).Should().Equal(stage.Needs.Select(n => n.JobId));
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Generate_EveryStage_IfIsTheStagesConditionOrAbsent(string name)
    {
        var (stage, job) = Pair(name);

        job.If.Should().Be(stage.When.Expression);
    }

    [Fact]
    public void Generate_SovdPipeline_OnlyPublishDeployAndRescanJobsHaveAnIf()
    {
        Generated.Jobs.Where(j => j.If is not null).Select(j => (j.Id, j.If)).Should().Equal(
            ("rehearse-cluster", "github.event_name == 'pull_request'"),
            ("push-images", "github.event_name == 'push'"),
            ("deploy-staging", "github.event_name == 'push' && github.ref == 'refs/heads/develop'"),
            ("deploy-production", "github.event_name == 'push' && github.ref == 'refs/heads/main'"),
            ("rescan-deployed", "github.event_name == 'schedule'"));
    }

    [Fact]
    public void Generate_SovdPipeline_WeeklyScheduleThatNeverPushesOrDeploys()
    {
        Generated.On.Schedule.Should().Equal("17 4 * * 1");
        var scheduled = TriggerEvent.ScheduledOn("main");
        SovdPipeline.Definition.Stages.Where(stage => stage.Releases && stage.Name != TargetNames.BuildImages)
            .Should().OnlyContain(stage => !stage.When.Matches(scheduled), "a scheduled run must never push or deploy");
        SovdPipeline.RescanDeployed.When.Matches(scheduled).Should().BeTrue();
        SovdPipeline.RescanDeployed.When.Matches(TriggerEvent.PushTo("main")).Should().BeFalse();
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Generate_EveryStage_RunsExactlyItsTaskThroughBuildSh(string name)
    {
        var (stage, job) = Pair(name);
        var expected = string.Join(' ', new[] { $"./build.sh --target={stage.Name}", "--exclusive" }.Concat(stage.CiArguments));

        job.Steps.OfType<RunStep>().Where(r => r.Run.Contains("build.sh", StringComparison.Ordinal) && r.If is null)
            .Should().ContainSingle().Which.Run.Should().Be(expected);
    }

    [Fact]
    public void Generate_DeployProduction_RepairsAfterCancellationWithTheSameCredentials()
    {
        var steps = Job("deploy-production").Steps.OfType<RunStep>().ToList();
        var run = steps.Single(step => step.Name == "Run Deploy-Production");

        var repair = steps.Should().ContainSingle(step => step.If == "cancelled()").Subject;
        repair.Run.Should().Be("./build.sh --target=Repair-Production --exclusive");
        repair.Env.Should().Equal(run.Env);
        steps.IndexOf(repair).Should().Be(steps.IndexOf(run) + 1, "GitHub runs it right after the cancelled step");
    }

    [Fact]
    public void Generate_DeployProduction_AddsTheConfirmationArgument()
    {
        Job("deploy-production").Steps.OfType<RunStep>().Single(step => step.Name == "Run Deploy-Production").Run
            .Should().Be("./build.sh --target=Deploy-Production --exclusive --confirm=Deploy-Production");
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Generate_EveryJob_ChecksOutFirstWithoutPersistedCredentials(string name)
    {
        var first = Pair(name).Job.Steps[0].Should().BeOfType<ActionStep>().Subject;

        first.Uses.Should().Be(Actions.Checkout);
        first.With.Should().Contain("persist-credentials", "false");
    }

    [Fact]
    public void Generate_ReleasingJobs_RestoreNoCaches()
    {
        var releasing = SovdPipeline.Definition.Stages.Where(s => s.Releases).Select(s => Job(s.JobId)).ToList();

        releasing.Select(j => j.Id).Should().Equal("build-images", "push-images", "deploy-staging", "deploy-production");
        releasing.SelectMany(j => j.Steps.OfType<ActionStep>())
            .Should().NotContain(s => s.Uses.Repository.StartsWith("actions/cache") || s.With.ContainsKey("cache"));
    }

    [Fact]
    public void Generate_JobsThatDoNotRelease_RestoreTheirToolchainCaches()
    {
        // Keeps the test above honest: the generator does cache where it may.
        var lint = Job("lint-backend").Steps.OfType<ActionStep>().ToList();

        lint.Should().Contain(s => s.Uses == Actions.CacheRestore);
        lint.Single(s => s.Uses == Actions.SetupPython).With.Should().Contain("cache", "pip");
    }

    [Theory]
    [InlineData("deploy-staging", "staging", "https://sovd-staging.example.com")]
    [InlineData("deploy-production", "production", "https://sovd.example.com")]
    public void Generate_DeployJobs_RunInTheirEnvironmentInAQueue(string id, string environment, string url)
    {
        var job = Job(id);

        job.Environment.Should().BeEquivalentTo(new DeploymentEnvironment(environment, url), o => o.Excluding(e => e.RequiresReviewers));
        job.Concurrency.Should().Be(new Concurrency($"deploy-{environment}", "false"));
    }

    [Fact]
    public void Generate_JobsThatDoNotDeploy_HaveNoEnvironmentAndNoConcurrency()
    {
        Generated.Jobs.Where(j => j.Environment is not null || j.Concurrency is not null).Select(j => j.Id)
            .Should().Equal("deploy-staging", "deploy-production");
    }

    [Fact]
    public void Generate_SecurityImages_UploadsSarifWithActionsReadAndWarnsInsteadOfFailing()
    {
        var job = Job("security-images");

        job.Permissions.Scopes.Should().Equal(Scopes(
            (PermissionScope.Actions, PermissionAccess.Read),
            (PermissionScope.Contents, PermissionAccess.Read),
            (PermissionScope.SecurityEvents, PermissionAccess.Write)));
        var sarif = job.Steps[^2].Should().BeOfType<ActionStep>().Subject;
        sarif.Uses.Should().Be(Actions.UploadSarif);
        sarif.With.Should().Contain("sarif_file", SovdPipeline.ImageScanReports.Path);
        sarif.If.Should().Be("always() && hashFiles('.artifacts/image-scan/*.sarif') != ''");
        sarif.ContinueOnError.Should().BeTrue("code scanning turned off must not block the release");
        var warning = job.Steps[^1].Should().BeOfType<RunStep>().Subject;
        warning.If.Should().Be($"always() && steps.{sarif.Id}.outcome == 'failure'");
        warning.Run.Should().StartWith("echo \"::warning title=SARIF not uploaded::");
    }

    [Fact]
    public void Generate_DeployProduction_ReadsItsEnvironmentsReviewersWithTheRunTokenAndActionsRead()
    {
        var job = Job("deploy-production");

        job.Permissions.Scopes.Should().Equal(Scopes(
            (PermissionScope.Actions, PermissionAccess.Read), (PermissionScope.Contents, PermissionAccess.Read)));
        job.Steps.OfType<RunStep>().Single(s => s.Name == "Run Deploy-Production").Env
            .Should().Contain("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}");
    }

    [Fact]
    public void Generate_EnvironmentWithoutTheReviewersCheck_GetsNeitherTokenNorActionsRead()
    {
        var stage = SovdPipeline.DeployProduction with
        {
            Needs = [],
            Environment = SovdPipeline.DeployProduction.Environment! with { RequiresReviewers = false },
        };

        var job = WorkflowGenerator.Generate(Fixtures.PipelineOf(stage)).Jobs.Single();

        job.Permissions.Grants(PermissionScope.Actions, PermissionAccess.Read).Should().BeFalse();
        job.Steps.OfType<RunStep>().Single(s => s.Name == "Run Deploy-Production").Env.Should().NotContainKey("GITHUB_TOKEN");
    }

    [Fact]
    public void Generate_PushImages_WritesPackages()
    {
        Job("push-images").Permissions.Scopes.Should().Equal(Scopes(
            (PermissionScope.Contents, PermissionAccess.Read), (PermissionScope.Packages, PermissionAccess.Write)));
    }

    [Fact]
    public void Generate_WriteScopes_OnlyOnTheJobsThatNeedThem()
    {
        var writers = Generated.Jobs.Where(j => j.Permissions.Scopes.Values.Contains(PermissionAccess.Write)).Select(j => j.Id);

        writers.Should().Equal(
            "test-backend-unit", "test-frontend-unit", "security-images", "push-images");
        Job("build-images").Permissions.Scopes.Should().Equal(
            Permissions.ReadContents.With(PermissionScope.Packages, PermissionAccess.Read).Scopes,
            "it runs on pull requests: it only reads the layer cache, which Push-Images writes");
        Job("rescan-deployed").Permissions.Scopes.Should().Equal(Permissions.ReadContents
            .With(PermissionScope.Deployments, PermissionAccess.Read).With(PermissionScope.Packages, PermissionAccess.Read).Scopes);
        string[] ownScopes = ["deploy-production", "rehearse-cluster", "rescan-deployed", "build-images"];
        Generated.Jobs.Where(j => !writers.Contains(j.Id) && !ownScopes.Contains(j.Id)).Should()
            .OnlyContain(j => j.Permissions.Scopes.SequenceEqual(Permissions.ReadContents.Scopes));
        Job("rehearse-cluster").Permissions.Scopes.Should().Equal(
            Permissions.ReadContents.With(PermissionScope.PullRequests, PermissionAccess.Read).Scopes, "the pull request's changed files");
        Generated.Jobs.Where(j => j.Id.StartsWith("test-") && writers.Contains(j.Id)).Should()
            .OnlyContain(j => j.Permissions.Scopes.SequenceEqual(
                Permissions.ReadContents.With(PermissionScope.IdToken, PermissionAccess.Write).Scopes), "the OIDC token for Codecov is all they add");
        Generated.Permissions.Scopes.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Generate_EveryStage_SecretsRenderedInTheRunStepsEnv(string name)
    {
        var (stage, job) = Pair(name);
        var run = job.Steps.OfType<RunStep>().Single(r => r.Name == $"Run {stage.Name}");

        // A deploy that checks its environment's reviewers also gets the run's token.
        var secrets = stage.Environment is { RequiresReviewers: true } ? stage.JobSecrets.Append(SecretBinding.GitHubToken) : stage.JobSecrets;
        run.Env.Should().BeEquivalentTo(secrets.ToDictionary(s => s.EnvironmentVariable, s => $"${{{{ secrets.{s.SecretName} }}}}"));
        // The repair after a cancellation runs with the same credentials.
        job.Steps.Except([run]).Where(s => s.If != "cancelled()").Should().OnlyContain(s => s.Env.IsEmpty);
    }

    [Fact]
    public void Generate_DeployStaging_SecretsAreSecretExpressions()
    {
        Job("deploy-staging").Steps.OfType<RunStep>().Single(r => r.Name == "Run Deploy-Staging").Env.Should().Equal(
            new Dictionary<string, string>
            {
                ["KUBE_CONFIG_DATA"] = "${{ secrets.KUBE_CONFIG }}",
                ["SMOKE_API_TOKEN"] = "${{ secrets.SMOKE_API_TOKEN }}",
            });
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Generate_EveryUpload_IfFollowsUploadWhenAndPathsComeFromTheArtifact(string name)
    {
        var (stage, job) = Pair(name);
        var uploads = job.Steps.OfType<ActionStep>().Where(s => s.Uses == Actions.UploadArtifact).ToList();

        uploads.Select(u => (u.With["name"], u.With["path"], u.If))
            .Should().Equal(stage.Uploads.Select(a => (a.Name, a.Path, ExpectedIf(a.When))));
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Generate_EveryDownload_PathsComeFromTheArtifact(string name)
    {
        var (stage, job) = Pair(name);
        var downloads = job.Steps.OfType<ActionStep>().Where(s => s.Uses == Actions.DownloadArtifact);

        downloads.Select(d => (d.With["name"], d.With["path"])).Should().Equal(stage.Downloads.Select(a => (a.Name, a.Path)));
    }

    [Fact]
    public void Generate_SovdPipeline_EveryUploadWhenIsUsed()
    {
        // The per-stage upload test above covers each branch of UploadWhen only if the pipeline uses each.
        SovdPipeline.Definition.Stages.SelectMany(s => s.Uploads).Select(a => a.When).Distinct()
            .Should().BeEquivalentTo(Enum.GetValues<UploadWhen>());
    }

    [Theory]
    [MemberData(nameof(StageNames))]
    public void Generate_EveryStage_CopiesRunnerTimeoutAndPermissions(string name)
    {
        var (stage, job) = Pair(name);

        job.RunsOn.Should().Be(SovdPipeline.Settings.Runner);
        job.TimeoutMinutes.Should().Be(stage.TimeoutMinutes);
        job.Permissions.Scopes.Should().Equal(WorkflowGenerator.JobPermissions(stage).Scopes);
    }

    [Fact]
    public void Generate_SovdPipeline_WorkflowLevelSettings()
    {
        Generated.Name.Should().Be("CI/CD");
        Generated.On.Should().Be(SovdPipeline.Triggers);
        Generated.Concurrency.Should().Be(WorkflowGenerator.RunConcurrency);
        Generated.Env.Should().Equal(new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "true",
            ["DOTNET_NOLOGO"] = "true",
            ["NO_COLOR"] = "1",
        });
    }

    [Fact]
    public void Generate_NeedListedAfterTheStage_ThrowsNamingBothStages()
    {
        var lint = new Stage("Lint", "lint", PipelineStep.Lint);
        var build = new Stage("Build", "build", PipelineStep.ImageBuild) { Needs = [lint] };
        var pipeline = SovdPipeline.Definition with { Stages = [build, lint] };

        var generate = () => WorkflowGenerator.Generate(pipeline);

        generate.Should().Throw<InvalidOperationException>()
            .WithMessage("Stage 'Build' needs 'Lint', which is not listed before it in the pipeline.");
    }

    [Theory]
    [InlineData("test-backend-unit", ".artifacts/backend-unit/coverage.xml", "backend")]
    [InlineData("test-frontend-unit", ".artifacts/frontend-unit/coverage/cobertura-coverage.xml", "frontend")]
    public void Generate_UnitTestJobs_UploadTheirCoberturaReportWithTheJobsOidcTokenLast(string jobId, string file, string flag)
    {
        var job = Job(jobId);
        var last = job.Steps.Last().Should().BeOfType<RunStep>().Subject;

        last.Run.Should().Contain($"pipx run --spec codecov-cli=={CoverageUploader.Version} codecovcli")
            .And.Contain($"report={file}\n")
            .And.Contain($"--disable-search --fail-on-error --file \"${{report}}\" --flag {flag}")
            .And.Contain("audience=https://codecov.io")
            .And.Contain("echo \"::add-mask::${token}\"");
        last.ContinueOnError.Should().BeTrue("a coverage service outage must not block the release");
        last.Env.Should().BeEmpty("the OIDC token is minted in the step, so no stored secret reaches the job");
        job.Permissions.Grants(PermissionScope.IdToken, PermissionAccess.Write).Should().BeTrue();
    }

    [Fact]
    public void Generate_OnlyTheUnitTestJobsWithCoverage_MayMintOidcTokensForIt()
    {
        Generated.Jobs.Where(j => j.Steps.OfType<RunStep>().Any(s => s.Run.Contains("codecovcli")))
            .Select(j => j.Id)
            .Should().BeEquivalentTo("test-backend-unit", "test-frontend-unit");
        Generated.Jobs.Where(j => j.Permissions.Grants(PermissionScope.IdToken, PermissionAccess.Write))
            .Select(j => j.Id)
            .Should().BeEquivalentTo("test-backend-unit", "test-frontend-unit");
    }

    [Fact]
    public void RunConcurrency_TwoPushesToMain_GetTheirOwnGroupsAndCancelNothing()
    {
        var first = RunGroup("push", "refs/heads/main", "1001");
        var second = RunGroup("push", "refs/heads/main", "1002");

        first.Should().NotBe(second, "GitHub cancels a pending run when a newer one joins its group");
        CancelsInProgress("push").Should().BeFalse();
    }

    [Fact]
    public void RunConcurrency_TwoRunsOfOnePullRequest_ShareAGroupAndTheNewerCancelsTheOlder()
    {
        RunGroup("pull_request", "refs/pull/7/merge", "1001").Should().Be(RunGroup("pull_request", "refs/pull/7/merge", "1002"));
        RunGroup("pull_request", "refs/pull/7/merge", "1001").Should().NotBe(RunGroup("pull_request", "refs/pull/8/merge", "1001"));
        CancelsInProgress("pull_request").Should().BeTrue();
    }

    // Evaluates the one expression shape the group uses the way GitHub does: `a && b || c` yields b when a holds, else c.
    private static string RunGroup(string eventName, string gitRef, string runId)
    {
        var match = System.Text.RegularExpressions.Regex.Match(WorkflowGenerator.RunConcurrency.Group,
            @"^(?<prefix>[\w-]+)\$\{\{ github\.event_name == '(?<event>\w+)' && github\.(?<then>\w+) \|\| github\.(?<else>\w+) \}\}$");
        match.Success.Should().BeTrue($"the group '{WorkflowGenerator.RunConcurrency.Group}' keeps the shape this evaluator reads");
        var contexts = new Dictionary<string, string> { ["ref"] = gitRef, ["run_id"] = runId };
        return match.Groups["prefix"].Value + contexts[match.Groups[eventName == match.Groups["event"].Value ? "then" : "else"].Value];
    }

    private static bool CancelsInProgress(string eventName) =>
        WorkflowGenerator.RunConcurrency.CancelInProgress == "${{ github.event_name == 'pull_request' }}"
            ? eventName == "pull_request"
            : throw new InvalidOperationException($"unexpected cancel-in-progress '{WorkflowGenerator.RunConcurrency.CancelInProgress}'");

    private static string? ExpectedIf(UploadWhen when) => when switch
    {
        UploadWhen.Always => "always()",
        UploadWhen.OnFailure => "failure()",
        _ => null,
    };

    // Permissions hold an immutable dictionary, which compares by reference: compare the scopes instead.
    private static IEnumerable<KeyValuePair<PermissionScope, PermissionAccess>> Scopes(
        params (PermissionScope Scope, PermissionAccess Access)[] scopes) => scopes.Select(s => KeyValuePair.Create(s.Scope, s.Access));

    private static Job Job(string id) => Generated.Jobs.Single(j => j.Id == id);

    private static (Stage Stage, Job Job) Pair(string name)
    {
        var stage = SovdPipeline.Definition.Stages.Single(s => s.Name == name);
        return (stage, Job(stage.JobId));
    }
}
