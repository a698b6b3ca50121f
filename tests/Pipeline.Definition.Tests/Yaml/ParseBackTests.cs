using Pipeline.Definition.Generation;
using Pipeline.Definition.Workflows;
using Pipeline.Definition.Yaml;
using YamlDotNet.Serialization;

namespace Pipeline.Definition.Tests.Yaml;

/// <summary>The rendered SovdPipeline workflow read back by a YAML parser says what the model says.</summary>
public class ParseBackTests
{
    private static readonly Workflow Model = WorkflowGenerator.Generate(SovdPipeline.Definition);

    private static readonly Dictionary<object, object> Parsed = new DeserializerBuilder().Build()
        .Deserialize<Dictionary<object, object>>(
            WorkflowToYaml.Render(Model, SovdPipeline.Settings.DefinitionFile, WorkflowGenerator.RegenerateCommand));

    public static TheoryData<string> JobIds => [.. Model.Jobs.Select(j => j.Id)];

    [Fact]
    public void Parse_Render_HasTheModelsJobIdsInOrder()
    {
        Map(Parsed["jobs"]).Keys.Cast<string>().Should().Equal(Model.Jobs.Select(j => j.Id));
    }

    [Fact]
    public void Parse_Render_TopLevelKeysPermissionsAndTriggers()
    {
        Parsed.Keys.Cast<string>().Should().Equal("name", "on", "permissions", "concurrency", "env", "jobs");
        Parsed["name"].Should().Be(Model.Name);
        Map(Parsed["permissions"]).Should().BeEmpty();
        var on = Map(Parsed["on"]);
        List(Map(on["push"])["branches"]).Should().Equal("develop", "main");
        List(Map(on["pull_request"])["branches"]).Should().Equal("develop", "main");
        Map(on["workflow_dispatch"]).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(JobIds))]
    public void Parse_EveryJob_NeedsIfAndPermissionsEqualTheModel(string id)
    {
        var job = Model.Jobs.Single(j => j.Id == id);
        var parsed = Job(id);

        (parsed.TryGetValue("needs", out var needs) ? List(needs) : []).Should().Equal(job.Needs.Select(n => n.Id));
        (parsed.TryGetValue("if", out var condition) ? condition : null).Should().Be(job.If);
        Map(parsed["permissions"]).ToDictionary(p => (string)p.Key, p => (string)p.Value).Should().Equal(
            job.Permissions.Scopes.ToDictionary(s => Permissions.WireName(s.Key), s => s.Value.ToString().ToLowerInvariant()));
        parsed["timeout-minutes"].Should().Be(job.TimeoutMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(JobIds))]
    public void Parse_EveryJob_StepsUsesRunAndWithEqualTheModel(string id)
    {
        var steps = Model.Jobs.Single(j => j.Id == id).Steps;
        var parsed = List(Job(id)["steps"]).Select(Map).ToList();

        parsed.Select(s => s["name"]).Should().Equal(steps.Select(s => s.Name));
        parsed.Select(s => s.GetValueOrDefault("uses")).Should().Equal(steps.Select(s => (s as ActionStep)?.Uses.Reference));
        parsed.Select(s => s.GetValueOrDefault("run")).Should().Equal(steps.Select(s => (s as RunStep)?.Run));
        parsed.Select(s => s.GetValueOrDefault("if")).Should().Equal(steps.Select(s => s.If));
        parsed.Select(s => s.TryGetValue("with", out var with) ? Strings(with) : []).Should().BeEquivalentTo(
            steps.Select(s => s is ActionStep action ? action.With.ToDictionary() : []), o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("deploy-staging", "staging", "deploy-staging")]
    [InlineData("deploy-production", "production", "deploy-production")]
    public void Parse_DeployJobs_EnvironmentAndConcurrencyRoundTrip(string id, string environment, string group)
    {
        var parsed = Job(id);

        Map(parsed["environment"])["name"].Should().Be(environment);
        Strings(parsed["concurrency"]).Should().Equal(new Dictionary<string, string>
        {
            ["group"] = group,
            ["cancel-in-progress"] = "false",
        });
    }

    private static Dictionary<object, object> Job(string id) => Map(Map(Parsed["jobs"])[id]);

    private static Dictionary<object, object> Map(object node) => node.Should().BeOfType<Dictionary<object, object>>().Subject;

    private static List<object> List(object node) => node.Should().BeOfType<List<object>>().Subject;

    private static Dictionary<string, string> Strings(object node) =>
        Map(node).ToDictionary(p => (string)p.Key, p => (string)p.Value);
}
