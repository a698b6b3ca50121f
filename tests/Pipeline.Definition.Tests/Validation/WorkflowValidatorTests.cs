using System.Collections.Immutable;
using Pipeline.Definition.Generation;
using Pipeline.Definition.Validation;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Validation;

public class WorkflowValidatorTests
{
    private static readonly ActionStep Checkout = new("Check out", Actions.Checkout) { With = With(("persist-credentials", "false")) };

    [Fact]
    public void Validate_GeneratedSovdWorkflow_ReturnsNoFindings()
    {
        WorkflowValidator.Validate(WorkflowGenerator.Generate(SovdPipeline.Definition)).Should().BeEmpty();
    }

    [Fact]
    public void Validate_SafeWorkflow_ReturnsNoFindings()
    {
        // The baseline every negative test below changes in one place.
        WorkflowValidator.Validate(WorkflowOf(SafeJob(), SafeDeployJob())).Should().BeEmpty();
    }

    [Theory]
    [InlineData("v4.2.2")]
    [InlineData("main")]
    [InlineData("11bd719")]
    [InlineData("11BD71901BBE5B1630CEEA73D27597364C9AF683")]
    public void Validate_ActionWithoutFullSha_ReportsUnpinnedUses(string reference)
    {
        var step = new ActionStep("Set up tool", new ActionRef("owner/tool", "v1.0.0", reference, ActionRuntime.Node24, "test"));

        Findings(SafeJob() with { Steps = [Checkout, step] })
            .Should().Equal("Job 'build': step 'Set up tool' uses owner/tool without a full commit SHA [unpinned-uses].");
    }

    [Theory]
    [InlineData(ActionRuntime.Node12, "node12")]
    [InlineData(ActionRuntime.Node16, "node16")]
    [InlineData(ActionRuntime.Node20, "node20")]
    public void Validate_ActionOnARetiredNode_ReportsRetiredRuntime(ActionRuntime runtime, string wireName)
    {
        var step = new ActionStep("Set up tool", new ActionRef("owner/tool", "v1.0.0", new string('a', 40), runtime, "test"));

        Findings(SafeJob() with { Steps = [Checkout, step] }).Should().Equal(
            $"Job 'build': step 'Set up tool' uses owner/tool v1.0.0, which runs on {wireName} [retired-runtime]; " +
            "GitHub's runners run node24 and newer only: pin a release whose action.yml says so.");
    }

    [Theory]
    [InlineData(ActionRuntime.Node24)]
    [InlineData(ActionRuntime.Composite)]
    [InlineData(ActionRuntime.Docker)]
    public void Validate_ActionOnASupportedRuntime_ReportsNothing(ActionRuntime runtime)
    {
        var step = new ActionStep("Set up tool", new ActionRef("owner/tool", "v1.0.0", new string('a', 40), runtime, "test"));

        Findings(SafeJob() with { Steps = [Checkout, step] }).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public void Validate_CheckoutWithoutPersistCredentialsFalse_ReportsArtipacked(string? persist)
    {
        var checkout = Checkout with { With = persist is null ? With() : With(("persist-credentials", persist)) };

        Findings(SafeJob() with { Steps = [checkout] })
            .Should().Equal("Job 'build': step 'Check out' checks out with persisted credentials [artipacked]; set persist-credentials: false.");
    }

    [Theory]
    [InlineData(PermissionScope.Contents)]
    [InlineData(PermissionScope.Packages)]
    [InlineData(PermissionScope.IdToken)]
    public void Validate_TopLevelWritePermission_ReportsExcessivePermissions(PermissionScope scope)
    {
        var workflow = WorkflowOf(SafeJob()) with { Permissions = Permissions.ReadContents.With(scope, PermissionAccess.Write) };

        WorkflowValidator.Validate(workflow).Select(e => e.ToString()).Should().Equal(
            "Workflow: top-level permissions grant write access [excessive-permissions]; grant writes on the job that needs them.");
    }

    [Fact]
    public void Validate_TopLevelReadPermission_ReturnsNoFindings()
    {
        var workflow = WorkflowOf(SafeJob()) with { Permissions = Permissions.ReadContents };

        WorkflowValidator.Validate(workflow).Should().BeEmpty();
    }

    [Fact]
    public void Validate_CacheActionInPublishingJob_ReportsCachePoisoning()
    {
        var cache = new ActionStep("Cache NuGet packages", Actions.Cache) { With = With(("path", "~/.nuget/packages"), ("key", "nuget")) };
        var job = SafeJob() with
        {
            Permissions = Permissions.ReadContents.With(PermissionScope.Packages, PermissionAccess.Write),
            Steps = [Checkout, cache],
        };

        Findings(job).Should().Equal(
            "Job 'build': step 'Cache NuGet packages' restores a cache in a job that publishes or deploys [cache-poisoning].");
    }

    [Fact]
    public void Validate_SetupActionCacheInputInDeployJob_ReportsCachePoisoning()
    {
        var node = new ActionStep("Set up Node.js", Actions.SetupNode) { With = With(("node-version", "20"), ("cache", "npm")) };
        var job = SafeDeployJob() with { Steps = [Checkout, node] };

        Findings(job).Should().Equal(
            "Job 'deploy': step 'Set up Node.js' restores a cache in a job that publishes or deploys [cache-poisoning].");
    }

    [Fact]
    public void Validate_CacheInJobThatAssumesAnAwsRole_ReportsCachePoisoning()
    {
        var cache = new ActionStep("Cache NuGet packages", Actions.Cache) { With = With(("path", "~/.nuget/packages"), ("key", "nuget")) };
        var role = new ActionStep("Assume the AWS role", Actions.ConfigureAwsCredentials) { With = With(("aws-region", "eu-central-1")) };
        var job = SafeJob() with
        {
            Permissions = Permissions.ReadContents.With(PermissionScope.IdToken, PermissionAccess.Write),
            Steps = [Checkout, cache, role],
        };

        Findings(job).Should().Equal(
            "Job 'build': step 'Cache NuGet packages' restores a cache in a job that publishes or deploys [cache-poisoning].");
    }

    [Fact]
    public void Validate_CacheInJobWhoseOidcTokenOnlyUploadsCoverage_ReturnsNoFindings()
    {
        var cache = new ActionStep("Cache NuGet packages", Actions.Cache) { With = With(("path", "~/.nuget/packages"), ("key", "nuget")) };
        var job = SafeJob() with
        {
            Permissions = Permissions.ReadContents.With(PermissionScope.IdToken, PermissionAccess.Write),
            Steps = [Checkout, cache],
        };

        Findings(job).Should().BeEmpty();
    }

    [Fact]
    public void Validate_CacheInJobThatNeitherPublishesNorDeploys_ReturnsNoFindings()
    {
        var cache = new ActionStep("Cache NuGet packages", Actions.Cache) { With = With(("path", "~/.nuget/packages"), ("key", "nuget")) };

        Findings(SafeJob() with { Steps = [Checkout, cache] }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("${{ github.event.pull_request.title }}")]
    [InlineData("${{ github.head_ref }}")]
    [InlineData("${{github.event.issue.body}}")]
    public void Validate_AttackerControlledExpressionInRun_ReportsTemplateInjection(string expression)
    {
        var run = new RunStep("Greet", $"echo \"{expression}\"");

        Findings(SafeJob() with { Steps = [Checkout, run] }).Should().Equal(
            $"Job 'build': step 'Greet' puts '{expression}' into a run script [template-injection]; pass it through env: instead.");
    }

    [Fact]
    public void Validate_AttackerControlledExpressionPassedThroughEnv_ReturnsNoFindings()
    {
        var run = new RunStep("Greet", "echo \"$TITLE\"") { Env = With(("TITLE", "${{ github.event.pull_request.title }}")) };

        Findings(SafeJob() with { Steps = [Checkout, run] }).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    [InlineData("${{ github.event_name == 'pull_request' }}")]
    public void Validate_DeployJobWithoutNonCancellingGroup_ReportsConcurrencyLimits(string? cancelInProgress)
    {
        var job = SafeDeployJob() with
        {
            Concurrency = cancelInProgress is null ? null : new Concurrency("deploy-staging", cancelInProgress),
        };

        Findings(job).Should().Equal(
            "Job 'deploy': it deploys but is not in a concurrency group that never cancels [concurrency-limits]; a cancelled helm upgrade leaves the release stuck.");
    }

    [Fact]
    public void Validate_JobWithoutTimeout_ReportsJobTimeout()
    {
        Findings(SafeJob() with { TimeoutMinutes = 0 }).Should().Equal(
            "Job 'build': it has no timeout-minutes [job-timeout]; a hung job would hold a runner for six hours.");
    }

    [Fact]
    public void Validate_SecretOutsideEnvironment_ReportsSecretsOutsideEnv()
    {
        var run = new RunStep("Deploy", "./deploy.sh") { Env = With(("KUBE_CONFIG_DATA", "${{ secrets.KUBE_CONFIG }}")) };

        Findings(SafeJob() with { Steps = [Checkout, run] })
            .Should().Equal("Job 'build': it uses secrets.KUBE_CONFIG outside an environment [secrets-outside-env].");
    }

    [Fact]
    public void Validate_RunTokenOutsideEnvironment_ReturnsNoFindings()
    {
        var run = new RunStep("Push", "./push.sh") { Env = With(("GITHUB_TOKEN", "${{ secrets.GITHUB_TOKEN }}")) };

        Findings(SafeJob() with { Steps = [Checkout, run] }).Should().BeEmpty();
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("postgres:latest")]
    [InlineData("postgres:16")]
    [InlineData("localhost:5000/postgres")]
    public void Validate_UnpinnedServiceImage_ReportsUnpinnedImages(string image)
    {
        var job = SafeJob() with { Services = [new ServiceContainer("db", image)] };

        Findings(job).Should().Equal(
            $"Job 'build': service 'db' image '{image}' is not pinned to a digest or exact version tag [unpinned-images].");
    }

    [Theory]
    [InlineData("postgres:16.4")]
    [InlineData("postgres:16.4-alpine3.20")]
    [InlineData("postgres@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Validate_PinnedServiceImage_ReturnsNoFindings(string image)
    {
        Findings(SafeJob() with { Services = [new ServiceContainer("db", image)] }).Should().BeEmpty();
    }

    [Fact]
    public void Validate_UnknownContext_ReportsExpression()
    {
        var run = new RunStep("Test", "make test") { Env = With(("LEVEL", "${{ github.run_id }}-${{ config.level }}")) };

        Findings(SafeJob() with { Steps = [Checkout, run] })
            .Should().Equal("Job 'build': '${{ config.level }}' uses unknown context 'config' [expression].");
    }

    [Fact]
    public void Validate_UnknownFunction_ReportsExpression()
    {
        var job = SafeJob() with { Steps = [Checkout, new RunStep("Test", "make test") { If = "${{ succeeded() }}" }] };

        Findings(job).Should().Equal("Job 'build': '${{ succeeded() }}' uses unknown function 'succeeded' [expression].");
    }

    [Fact]
    public void Validate_UnknownContextInWorkflowEnv_NamesTheWorkflow()
    {
        var workflow = WorkflowOf(SafeJob()) with { Env = With(("VERSION", "${{ release.tag }}")) };

        WorkflowValidator.Validate(workflow).Select(e => e.ToString())
            .Should().Equal("Workflow: '${{ release.tag }}' uses unknown context 'release' [expression].");
    }

    [Fact]
    public void Validate_KnownContextsFunctionsAndLiterals_ReturnsNoFindings()
    {
        var run = new RunStep("Test", "make test")
        {
            If = "${{ always() && !cancelled() && contains(github.ref, 'release-x') }}",
            Env = With(
                ("KEY", "${{ format('{0}-{1}', runner.os, hashFiles('unknown.lock')) }}"),
                ("FLAG", "${{ needs.build.result == 'success' || false }}")),
        };

        Findings(SafeJob() with { Steps = [Checkout, run] }).Should().BeEmpty();
    }

    [Fact]
    public void Validate_JobWithoutSteps_ReportsSyntaxCheck()
    {
        Findings(SafeJob() with { Steps = [] }).Should().Equal("Job 'build': it has no steps [syntax-check].");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllInJobOrder()
    {
        var broken = SafeJob() with { TimeoutMinutes = 0, Steps = [] };
        var deploy = SafeDeployJob() with { Concurrency = null };

        WorkflowValidator.Validate(WorkflowOf(broken, deploy)).Select(e => e.ToString()).Should().Equal(
            "Job 'build': it has no steps [syntax-check].",
            "Job 'build': it has no timeout-minutes [job-timeout]; a hung job would hold a runner for six hours.",
            "Job 'deploy': it deploys but is not in a concurrency group that never cancels [concurrency-limits]; a cancelled helm upgrade leaves the release stuck.");
    }

    private static IEnumerable<string> Findings(Job job) =>
        WorkflowValidator.Validate(WorkflowOf(job)).Select(e => e.ToString());

    private static Workflow WorkflowOf(params Job[] jobs) =>
        new("CI", new Triggers { Push = BranchFilter.For("main") }) { Jobs = [.. jobs] };

    private static Job SafeJob() => new("build", "Build")
    {
        Permissions = Permissions.ReadContents,
        TimeoutMinutes = 10,
        Steps = [Checkout, new RunStep("Test", "./build.sh --target=Test")],
    };

    private static Job SafeDeployJob() => new("deploy", "Deploy")
    {
        Environment = new DeploymentEnvironment("staging", "https://staging.example.com"),
        Concurrency = Concurrency.Queue("deploy-staging"),
        TimeoutMinutes = 20,
        Steps =
        [
            Checkout,
            new RunStep("Deploy", "./build.sh --target=Deploy") { Env = With(("KUBE_CONFIG_DATA", "${{ secrets.KUBE_CONFIG }}")) },
        ],
    };

    private static ImmutableSortedDictionary<string, string> With(params (string Key, string Value)[] pairs) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));
}
