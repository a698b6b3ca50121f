using System.Text.Json.Nodes;
using Pipeline.Definition.Generation;
using Pipeline.Definition.Tests.Linting.Support;

namespace Pipeline.Definition.Tests.Renovate;

/// <summary>
/// Renovate's own extraction (npm <c>renovate</c> 44, offline) over this repository: every dependency a manager finds
/// in a generated file must also be found in the definition it is generated from, with the same package, datasource,
/// versioning and value, and be in the same update group, so one pull request edits both and Check-Workflow stays green.
/// </summary>
[Trait("Tier", "process")]
[Trait("Requires", "node")]
public sealed class RenovateExtractionTests
{
    private const string DefinitionFolder = "src/Pipeline.Definition/";

    private static readonly Lazy<IReadOnlyList<ExtractedDependency>> Extracted = new(() => RenovateRun.Extract(RepoRoot.Path));

    private static IReadOnlyList<string> GeneratedFiles => [.. PipelineFiles.Render(SovdPipeline.Definition).Select(file => file.Path)];

    private static IEnumerable<ExtractedDependency> OfGeneratedFiles =>
        Extracted.Value.Where(dep => GeneratedFiles.Contains(dep.PackageFile) && dep.SkipReason is null);

    private static IEnumerable<ExtractedDependency> OfDefinition => Extracted.Value.Where(dep => dep.PackageFile.StartsWith(DefinitionFolder, StringComparison.Ordinal));

    [Fact]
    public void Extract_EveryDependencyOfTheGeneratedFiles_IsExtractedFromTheDefinitionWithTheSameValue()
    {
        var definition = OfDefinition.Select(dep => dep.UpdateKey).ToHashSet();

        var missing = OfGeneratedFiles.DistinctBy(dep => dep.UpdateKey).Where(dep => !definition.Contains(dep.UpdateKey)).Select(dep => dep.ToString());

        missing.Should().BeEmpty("a bump of these would edit only the generated file and fail Check-Workflow");
    }

    [Fact]
    public void Extract_TheWorkflowsManagers_ReadActionsRunnerAndSetupVersions()
    {
        // What Renovate 44's github-actions manager reads in ci-cd.yml besides the action pins (issue #24), and the Codecov CLI.
        var workflow = OfGeneratedFiles.Where(dep => dep.PackageFile == SovdPipeline.Settings.WorkflowFile);

        workflow.Select(dep => (dep.PackageName, dep.Datasource)).Distinct().Should().Contain(
        [
            ("ubuntu", "github-runners"), ("actions/node-versions", "github-releases"), ("actions/python-versions", "github-releases"),
            ("aquasecurity/trivy", "github-releases"), ("codecov-cli", "pypi"), ("actions/checkout", "github-tags"),
        ]);
    }

    [Fact]
    public void PackageRules_EachPairedDependency_IsInTheSameGroupInBothFiles()
    {
        var rules = JsonNode.Parse(File.ReadAllText(RepoRoot.File("renovate.json")))!["packageRules"]!.AsArray().Select(rule => rule!.AsObject()).ToList();

        foreach (var dep in OfGeneratedFiles.DistinctBy(dep => (dep.Manager, dep.UpdateKey)))
        {
            var twin = OfDefinition.First(candidate => candidate.UpdateKey == dep.UpdateKey);
            GroupOf(rules, dep).Should().NotBeNull("{0} must be grouped", dep).And.Be(GroupOf(rules, twin), "{0} and {1} must land in one pull request", dep, twin);
        }
    }

    // The last matching rule with a groupName wins, as Renovate applies packageRules in order.
    private static string? GroupOf(IReadOnlyList<JsonObject> rules, ExtractedDependency dep) => rules
        .Where(rule => Matches(rule["matchManagers"], dep.Manager) && Matches(rule["matchDatasources"], dep.Datasource) && rule["groupName"] is not null)
        .Select(rule => rule["groupName"]!.GetValue<string>()).LastOrDefault();

    private static bool Matches(JsonNode? list, string? value) => list is null || list.AsArray().Any(item => item!.GetValue<string>() == value);
}
