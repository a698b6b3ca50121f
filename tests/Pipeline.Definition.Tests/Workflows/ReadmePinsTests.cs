using System.Text.RegularExpressions;
using Pipeline.Definition.Tests.Linting.Support;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Workflows;

/// <summary>The README's table of pinned actions is the pins file's: every action, version and runtime, nothing else.</summary>
public sealed partial class ReadmePinsTests
{
    [Fact]
    public void ReadmePinsTable_EqualsThePinsOfTheDefinition()
    {
        var rows = File.ReadAllLines(RepoRoot.File("README.md"))
            .SkipWhile(line => line != "| action | version | runtime |").Skip(2).TakeWhile(line => line.StartsWith('|'))
            .Select(line => Row().Match(line)).Select(match => (match.Groups["action"].Value, match.Groups["version"].Value, match.Groups["runtime"].Value));

        rows.Should().Equal(Actions.All.Select(action => (action.Repository, action.Version, action.Runtime.WireName())));
    }

    // The runtime cell may explain a composite after its name: "composite (inside: …)".
    [GeneratedRegex(@"^\| (?<action>\S+) \| (?<version>\S+) \| (?<runtime>[a-z0-9]+)")]
    private static partial Regex Row();
}
