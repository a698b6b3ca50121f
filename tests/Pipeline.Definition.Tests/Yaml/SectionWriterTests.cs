using System.Collections.Immutable;
using Pipeline.Definition.Workflows;
using Pipeline.Definition.Yaml;
using static Pipeline.Definition.Tests.Support.Text;

namespace Pipeline.Definition.Tests.Yaml;

/// <summary>Each <c>*ToYaml</c> writer emitted under its key, compared as text.</summary>
public class SectionWriterTests
{
    private static readonly ActionRef Tool = new("owner/tool", "v1.2.3", "0123456789abcdef0123456789abcdef01234567", ActionRuntime.Node24, "test");

    [Fact]
    public void TriggersToYaml_AllEvents_BranchesInFlowAndDispatchAsEmptyMap()
    {
        var triggers = new Triggers
        {
            Push = BranchFilter.For("develop", "main"),
            PullRequest = BranchFilter.For("main"),
            WorkflowDispatch = true,
        };

        Section("on", TriggersToYaml.Write(triggers)).Should().Be(Lines(
            "on:",
            "  push:",
            "    branches: [develop, main]",
            "  pull_request:",
            "    branches: [main]",
            "  workflow_dispatch: {}"));
    }

    [Fact]
    public void TriggersToYaml_EventWithoutBranches_IsKeptAsEmptyMap()
    {
        Section("on", TriggersToYaml.Write(new Triggers { PullRequest = BranchFilter.For() })).Should().Be(Lines(
            "on:",
            "  pull_request: {}"));
    }

    [Fact]
    public void PermissionsToYaml_None_RendersEmptyBraces()
    {
        Section("permissions", PermissionsToYaml.Write(Permissions.None)).Should().Be(Lines("permissions: {}"));
    }

    [Fact]
    public void PermissionsToYaml_Scopes_WireNamesInScopeOrder()
    {
        var permissions = Permissions.None
            .With(PermissionScope.SecurityEvents, PermissionAccess.Write)
            .With(PermissionScope.Contents, PermissionAccess.Read)
            .With(PermissionScope.IdToken, PermissionAccess.Write)
            .With(PermissionScope.PullRequests, PermissionAccess.None);

        Section("permissions", PermissionsToYaml.Write(permissions)).Should().Be(Lines(
            "permissions:",
            "  contents: read",
            "  id-token: write",
            "  pull-requests: none",
            "  security-events: write"));
    }

    [Fact]
    public void StepToYaml_ActionStep_UsesCarriesTheVersionComment()
    {
        var step = new ActionStep("Set up tool", Tool)
        {
            Id = "tool",
            If = "always()",
            With = Pairs(("version", "3.10"), ("cache", "true")),
            Env = Pairs(("TOKEN", "${{ secrets.TOKEN }}")),
        };

        Item(StepToYaml.Write(step)).Should().Be(Lines(
            "- name: Set up tool",
            "  id: tool",
            "  if: always()",
            "  uses: owner/tool@0123456789abcdef0123456789abcdef01234567 # v1.2.3",
            "  with:",
            "    cache: 'true'",
            "    version: '3.10'",
            "  env:",
            "    TOKEN: ${{ secrets.TOKEN }}"));
    }

    [Fact]
    public void StepToYaml_RunStep_KeysInReadingOrderAndScriptLast()
    {
        var step = new RunStep("Test", "make test\nmake lint\n")
        {
            If = "failure()",
            Shell = "bash",
            WorkingDirectory = "app",
            Env = Pairs(("CI", "true")),
        };

        Item(StepToYaml.Write(step)).Should().Be(Lines(
            "- name: Test",
            "  if: failure()",
            "  working-directory: app",
            "  shell: bash",
            "  run: |",
            "    make test",
            "    make lint",
            "  env:",
            "    CI: 'true'"));
    }

    [Fact]
    public void StepToYaml_MinimalRunStep_DropsEmptyKeys()
    {
        Item(StepToYaml.Write(new RunStep("Build", "./build.sh"))).Should().Be(Lines(
            "- name: Build",
            "  run: ./build.sh"));
    }

    [Fact]
    public void JobToYaml_EverySection_InFixedKeyOrder()
    {
        var lint = new Job("lint", "Lint");
        var job = new Job("deploy", "Deploy")
        {
            Needs = [lint],
            If = "github.ref == 'refs/heads/main'",
            RunsOn = Runner.Ubuntu2404,
            Environment = new DeploymentEnvironment("production", "https://example.com"),
            Permissions = Permissions.ReadContents,
            Concurrency = Concurrency.Queue("deploy-production"),
            TimeoutMinutes = 30,
            Env = Pairs(("NO_COLOR", "1")),
            Outputs = Pairs(("digest", "${{ steps.push.outputs.digest }}")),
            Services = [new ServiceContainer("db", "postgres:16.4") { Ports = ["5432:5432"], Options = "--health-cmd pg_isready" }],
            Steps = [new RunStep("Deploy", "./deploy.sh")],
        };

        Section("deploy", JobToYaml.Write(job)).Should().Be(Lines(
            "deploy:",
            "  name: Deploy",
            "  needs: [lint]",
            "  if: github.ref == 'refs/heads/main'",
            "  runs-on: ubuntu-24.04",
            "  environment:",
            "    name: production",
            "    url: https://example.com",
            "  permissions:",
            "    contents: read",
            "  concurrency:",
            "    group: deploy-production",
            "    cancel-in-progress: false",
            "  timeout-minutes: 30",
            "  env:",
            "    NO_COLOR: '1'",
            "  outputs:",
            "    digest: ${{ steps.push.outputs.digest }}",
            "  services:",
            "    db:",
            "      image: postgres:16.4",
            "      ports:",
            "        - 5432:5432",
            "      options: --health-cmd pg_isready",
            "  steps:",
            "    - name: Deploy",
            "      run: ./deploy.sh"));
    }

    [Fact]
    public void JobToYaml_MinimalJob_KeepsEmptyPermissionsAndTimeoutAndDropsTheRest()
    {
        var job = new Job("lint", "Lint") { Steps = [new RunStep("Lint", "make lint")] };

        Section("lint", JobToYaml.Write(job)).Should().Be(Lines(
            "lint:",
            "  name: Lint",
            "  runs-on: ubuntu-latest",
            "  permissions: {}",
            "  timeout-minutes: 0",
            "  steps:",
            "    - name: Lint",
            "      run: make lint"));
    }

    [Theory]
    [InlineData("false", "false")]
    [InlineData("true", "true")]
    [InlineData("${{ github.event_name == 'pull_request' }}", "${{ github.event_name == 'pull_request' }}")]
    public void Concurrency_CancelInProgress_BooleansPlainExpressionsAsText(string cancel, string expected)
    {
        Section("concurrency", JobToYaml.Concurrency(new Concurrency("ci-${{ github.ref }}", cancel))!).Should().Be(Lines(
            "concurrency:",
            "  group: ci-${{ github.ref }}",
            $"  cancel-in-progress: {expected}"));
    }

    [Fact]
    public void Concurrency_CancelInProgressThatLooksBooleanButIsNot_IsQuoted()
    {
        // Only exactly "true" or "false" is written as a boolean; anything else stays a string.
        Section("concurrency", JobToYaml.Concurrency(new Concurrency("ci", "False"))!).Should().Be(Lines(
            "concurrency:",
            "  group: ci",
            "  cancel-in-progress: 'False'"));
    }

    [Fact]
    public void Concurrency_None_IsDropped()
    {
        JobToYaml.Concurrency(null).Should().BeNull();
    }

    [Fact]
    public void Header_DefinitionAndCommand_SayWhereTheFileComesFrom()
    {
        WorkflowToYaml.Header("src/Def.cs", "./build.sh --target=Generate-Workflow").Should().Equal(
            "<auto-generated>",
            "  Generated from src/Def.cs. Do not edit by hand:",
            "  change the definition, then run ./build.sh --target=Generate-Workflow and commit both.",
            "</auto-generated>");
    }

    [Fact]
    public void WorkflowToYaml_TopLevel_KeysInFixedOrder()
    {
        var workflow = new Workflow("CI", new Triggers { WorkflowDispatch = true })
        {
            Env = Pairs(("A", "b")),
            Concurrency = new Concurrency("ci", "true"),
            Jobs = [new Job("lint", "Lint") { Steps = [new RunStep("Lint", "make lint")] }],
        };

        WorkflowToYaml.Write(workflow).Entries.Select(e => e.Key)
            .Should().Equal("name", "on", "permissions", "concurrency", "env", "jobs");
    }

    private static string Section(string key, YamlTree value) => YamlEmitter.Emit(YamlMap.Empty.Add(key, value), []);

    private static string Item(YamlTree value) => YamlEmitter.Emit(new YamlSequence([value]), []);

    private static ImmutableSortedDictionary<string, string> Pairs(params (string Key, string Value)[] pairs) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, pairs.Select(p => KeyValuePair.Create(p.Key, p.Value)));
}
