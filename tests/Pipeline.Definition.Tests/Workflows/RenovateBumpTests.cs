using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Definition.Generation;
using Pipeline.Definition.Tests.Linting.Support;
using Pipeline.Definition.Workflows;
using Pipeline.Definition.Yaml;

namespace Pipeline.Definition.Tests.Workflows;

/// <summary>
/// Renovate keeps the pins fresh without breaking Check-Workflow: one pull request edits the pins file (its regex
/// manager, with the regex read from renovate.json itself) and ci-cd.yml (its github-actions manager) alike, and the
/// workflow generated from the edited pins is the edited ci-cd.yml. Renovate's lookup of new tags is not run here
/// (no network): the bump uses a made-up release, applied the way both managers write it.
/// </summary>
public class RenovateBumpTests
{
    private const string PinsFile = "src/Pipeline.Definition/Workflows/Actions.cs";

    // The github-actions manager's view of a pinned step: `uses: owner/repo[/path]@<sha> # <version>`.
    private static readonly Regex UsesLine = new(@"(?<prefix>uses: (?<dep>(?<package>[\w.-]+/[\w.-]+)(?:/[\w.-]+)*)@)(?<digest>[0-9a-f]{40})(?<gap> # )(?<version>v\S+)");

    private static readonly JsonNode Config = JsonNode.Parse(File.ReadAllText(RepoRoot.File("renovate.json")))!;

    private static JsonObject PinsManager => Config["customManagers"]!.AsArray()
        .Select(m => m!.AsObject())
        .Single(m => m["managerFilePatterns"]!.AsArray().Any(p => FilePattern(p!.GetValue<string>()).IsMatch(PinsFile)));

    private static Regex PinRegex => new(PinsManager["matchStrings"]![0]!.GetValue<string>());

    [Fact]
    public void PinsManager_RegexFromTheConfig_FindsEveryPinOfTheDefinition()
    {
        var found = PinRegex.Matches(File.ReadAllText(RepoRoot.File(PinsFile)))
            .Select(m => (m.Groups["depName"].Value, m.Groups["currentValue"].Value, m.Groups["currentDigest"].Value));

        found.Should().BeEquivalentTo(Actions.All.Select(a => (a.Repository, a.Version, a.Sha)));
        PinsManager["datasourceTemplate"]!.GetValue<string>().Should().Be("github-tags");
    }

    [Fact]
    public void PackageRules_ThePinsAndTheWorkflowsActions_AreBumpedInOnePullRequest()
    {
        var rule = Config["packageRules"]!.AsArray().Select(r => r!.AsObject())
            .Single(r => r["groupName"]?.GetValue<string>() == "GitHub Actions pins");

        rule["matchManagers"]!.AsArray().Select(m => m!.GetValue<string>()).Should().BeEquivalentTo("github-actions", "custom.regex");
        rule["separateMajorMinor"]!.GetValue<bool>().Should().BeFalse("a major bump must not split the two files into two pull requests");
        Config["enabledManagers"]!.AsArray().Select(m => m!.GetValue<string>())
            .Should().Contain(["github-actions", "custom.regex", "nuget", "npm", "pip_requirements"]);
    }

    [Theory]
    [InlineData("actions/checkout")]
    [InlineData("actions/cache")]
    public void Bump_AppliedAsBothManagersWould_RegeneratedWorkflowEqualsTheEditedOne(string package)
    {
        const string newVersion = "v99.1.0";
        const string newDigest = "0123456789abcdef0123456789abcdef01234567";
        var pinsBefore = File.ReadAllText(RepoRoot.File(PinsFile));
        var workflowBefore = File.ReadAllText(RepoRoot.File(SovdPipeline.Settings.WorkflowFile));

        var pinsAfter = BumpWithRegexManager(pinsBefore, package, newVersion, newDigest);
        var workflowAfter = BumpWithActionsManager(workflowBefore, package, newVersion, newDigest);

        pinsAfter.Should().NotBe(pinsBefore);
        workflowAfter.Should().NotBe(workflowBefore);
        RenderWithPins(pinsAfter).Should().Be(workflowAfter);
    }

    [Fact]
    public void RenderWithPins_UnchangedPinsFile_IsTheCommittedWorkflow()
    {
        // The baseline of the bump test: reading the pins back from the file changes nothing.
        RenderWithPins(File.ReadAllText(RepoRoot.File(PinsFile)))
            .Should().Be(File.ReadAllText(RepoRoot.File(SovdPipeline.Settings.WorkflowFile)));
    }

    // Renovate's regex manager replaces currentValue and currentDigest inside each match of the dependency.
    private static string BumpWithRegexManager(string text, string package, string version, string digest) =>
        PinRegex.Replace(text, match => match.Groups["packageName"].Value != package
            ? match.Value
            : match.Value
                .Replace(match.Groups["currentDigest"].Value, digest, StringComparison.Ordinal)
                .Replace($"\"{match.Groups["currentValue"].Value}\"", $"\"{version}\"", StringComparison.Ordinal));

    // Renovate's github-actions manager rewrites the SHA and the version comment of each `uses:` of the action.
    private static string BumpWithActionsManager(string text, string package, string version, string digest) =>
        UsesLine.Replace(text, match => match.Groups["package"].Value != package
            ? match.Value
            : match.Groups["prefix"].Value + digest + match.Groups["gap"].Value + version);

    /// <summary>The workflow the generator writes when the pins are the ones this text of the pins file holds.</summary>
    private static string RenderWithPins(string pinsText)
    {
        var pins = PinRegex.Matches(pinsText).ToDictionary(
            m => m.Groups["depName"].Value, m => (Version: m.Groups["currentValue"].Value, Sha: m.Groups["currentDigest"].Value));
        var workflow = WorkflowGenerator.Generate(SovdPipeline.Definition);
        workflow = workflow with
        {
            Jobs = [.. workflow.Jobs.Select(job => job with
            {
                Steps = [.. job.Steps.Select(step => step is ActionStep action
                    ? action with { Uses = action.Uses with { Version = pins[action.Uses.Repository].Version, Sha = pins[action.Uses.Repository].Sha } }
                    : step)],
            })],
        };
        return WorkflowToYaml.Render(workflow, SovdPipeline.Settings.DefinitionFile, WorkflowGenerator.RegenerateCommand);
    }

    // Renovate writes a regex file pattern between slashes.
    private static Regex FilePattern(string pattern) =>
        new(pattern.StartsWith('/') && pattern.EndsWith('/') ? pattern[1..^1] : Regex.Escape(pattern));
}
