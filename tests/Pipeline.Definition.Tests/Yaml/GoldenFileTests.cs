using System.Collections.Immutable;
using Pipeline.Definition.Generation;
using Pipeline.Definition.Validation;
using Pipeline.Definition.Workflows;
using Pipeline.Definition.Yaml;

namespace Pipeline.Definition.Tests.Yaml;

/// <summary>The one whole-file test: a small hand-built workflow against a file written by hand.</summary>
public class GoldenFileTests
{
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "Golden", "small-workflow.yml");

    [Fact]
    public void Render_SmallWorkflow_EqualsTheGoldenFile()
    {
        var rendered = WorkflowToYaml.Render(SmallWorkflow(), "tests/SmallWorkflow.cs", WorkflowGenerator.RegenerateCommand);

        rendered.Should().Be(File.ReadAllText(GoldenPath));
    }

    [Fact]
    public void Validate_SmallWorkflow_HasNoFindings()
    {
        // The golden file shows a workflow the auditors' rules accept, not just any text.
        WorkflowValidator.Validate(SmallWorkflow()).Should().BeEmpty();
    }

    private static Workflow SmallWorkflow()
    {
        var test = new Job("test", "Test")
        {
            RunsOn = Runner.Ubuntu2404,
            Permissions = Permissions.ReadContents,
            TimeoutMinutes = 10,
            Services =
            [
                new ServiceContainer("db", "postgres:16.4")
                {
                    Ports = ["5432:5432"],
                    Env = Pairs(("POSTGRES_PASSWORD", "test")),
                    Options = "--health-cmd pg_isready",
                },
            ],
            Steps =
            [
                new ActionStep("Check out", Actions.Checkout) { With = Pairs(("persist-credentials", "false")) },
                new RunStep("Test", "make test\nmake lint\n") { WorkingDirectory = "app" },
            ],
        };
        var deploy = new Job("deploy", "Deploy")
        {
            Needs = [test],
            If = "github.event_name == 'push' && github.ref == 'refs/heads/main'",
            RunsOn = Runner.Ubuntu2404,
            Environment = new DeploymentEnvironment("production", "https://example.com"),
            Permissions = Permissions.ReadContents.With(PermissionScope.IdToken, PermissionAccess.Write),
            Concurrency = Concurrency.Queue("deploy-production"),
            TimeoutMinutes = 20,
            Steps =
            [
                new RunStep("Deploy", "./deploy.sh --confirm")
                {
                    Id = "deploy",
                    Shell = "bash",
                    Env = Pairs(("TOKEN", "${{ secrets.DEPLOY_TOKEN }}")),
                },
            ],
        };
        return new Workflow("Small", new Triggers
        {
            Push = BranchFilter.For("main"),
            PullRequest = BranchFilter.For("main"),
            WorkflowDispatch = true,
        })
        {
            Concurrency = new Concurrency("small-${{ github.ref }}", "${{ github.event_name == 'pull_request' }}"),
            Env = Pairs(("PYTHON_VERSION", "3.10")),
            Jobs = [test, deploy],
        };
    }

    private static ImmutableSortedDictionary<string, string> Pairs(params (string Key, string Value)[] pairs) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));
}
