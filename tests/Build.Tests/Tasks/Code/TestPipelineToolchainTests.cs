using System.Reflection;
using Pipeline.Definition;
using Pipeline.Definition.Stages;

namespace Build.Tests.Tasks.Code;

/// <summary>
/// Test-Pipeline's job runs this suite with its <c>PIPELINE_TEST_FILTER</c>; a stage's host tests that pass the filter
/// go through that stage's preflight (its Node check among them), so the job must set up the runtimes those stages
/// run — else the runner's default Node (22 on ubuntu-24.04) decides the result, as it did in issue #23.
/// </summary>
public sealed class TestPipelineToolchainTests
{
    [Fact]
    public void TestPipeline_HostTestsItRuns_ItsJobSetsUpTheRuntimesOfTheirStages()
    {
        var excluded = ExcludedRequirements(SovdPipeline.TestPipeline.Env["PIPELINE_TEST_FILTER"]);
        var tested = SovdPipeline.Definition.Stages
            .Where(stage => stage != SovdPipeline.TestPipeline && HostTestsOf(stage).Any(test => !Requires(test).Overlaps(excluded)))
            .ToList();
        var missing = tested
            .SelectMany(stage => stage.Runs.Where(use => use.IsRuntime).Select(use => (stage.Name, use)))
            .Where(pair => !SovdPipeline.TestPipeline.Runs.Contains(pair.use))
            .Select(pair => $"{pair.use} (run by {pair.Name}'s tests)")
            .Distinct()
            .ToList();

        tested.Should().Contain(SovdPipeline.SecurityFrontend, "its stand-in tests carry no Requires trait");
        missing.Should().BeEmpty("Test-Pipeline's Runs (and so, by validation, its Toolchains) must cover them");
    }

    [Fact]
    public void ExcludedRequirements_TheJobsFilter_ListsEveryExcludedTrait()
    {
        ExcludedRequirements(SovdPipeline.TestPipeline.Env["PIPELINE_TEST_FILTER"]).Should()
            .BeEquivalentTo(["docker", "docker-compose", "chromium", "node", "python", "prometheus"]);
    }

    private static HashSet<string> ExcludedRequirements(string filter) =>
        filter.Split('&').Where(term => term.StartsWith("Requires!=", StringComparison.Ordinal))
            .Select(term => term["Requires!=".Length..]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Test methods of the classes named after the stage (e.g. SecurityFrontendTests, BuildImagesDockerTests).</summary>
    private static IEnumerable<MethodInfo> HostTestsOf(Stage stage)
    {
        var prefix = stage.Name.Replace("-", string.Empty, StringComparison.Ordinal);
        return typeof(TestPipelineToolchainTests).Assembly.GetTypes()
            .Where(type => type.Name.StartsWith(prefix, StringComparison.Ordinal) && type.Name.EndsWith("Tests", StringComparison.Ordinal))
            .SelectMany(type => type.GetMethods().Where(method => method.IsDefined(typeof(FactAttribute), inherit: true)));
    }

    private static HashSet<string> Requires(MethodInfo test) =>
        test.GetCustomAttributesData().Concat(test.DeclaringType!.GetCustomAttributesData())
            .Where(data => data.AttributeType == typeof(TraitAttribute) && (string?)data.ConstructorArguments[0].Value == "Requires")
            .Select(data => (string)data.ConstructorArguments[1].Value!)
            .ToHashSet(StringComparer.Ordinal);
}
