using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Definition.Tests.Linting.Support;

namespace Pipeline.Definition.Tests.Renovate;

/// <summary>
/// The bot policy for the app's pins: Renovate proposes no PyPI version for a package the image takes from Debian
/// (requirements*.txt pin trixie's versions), and still bumps the tools Debian does not package.
/// </summary>
public sealed partial class RenovateAppPinsTests
{
    private const string NotPackagedMarker = "# Not packaged by Debian";
    private static readonly string Backend = Path.Combine(SovdPipeline.Settings.AppRoot, "backend");

    [Fact]
    public void PackageRules_EveryDebianPinnedRequirement_IsDisabledWithItsReason()
    {
        var rule = DisablingRule();

        rule["matchPackageNames"]!.AsArray().Select(name => name!.GetValue<string>()).Should().BeEquivalentTo(DebianPinned());
        rule["description"]!.GetValue<string>().Should().Contain("the image never runs").And.Contain("trixie");
    }

    [Fact]
    public void PackageRules_ToolsDebianDoesNotPackage_StayEnabled()
    {
        var notPackaged = Pins("requirements-dev.txt").SkipWhile(line => !line.StartsWith(NotPackagedMarker, StringComparison.Ordinal)).Select(Name).OfType<string>();

        notPackaged.Should().NotBeEmpty().And.NotIntersectWith(DisablingRule()["matchPackageNames"]!.AsArray().Select(name => name!.GetValue<string>()));
    }

    private static JsonObject DisablingRule() => JsonNode.Parse(File.ReadAllText(RepoRoot.File("renovate.json")))!["packageRules"]!.AsArray()
        .Select(rule => rule!.AsObject())
        .Single(rule => rule["enabled"]?.GetValue<bool>() == false && Matches(rule, "pip_requirements"));

    private static bool Matches(JsonObject rule, string manager) => rule["matchManagers"]!.AsArray().Any(item => item!.GetValue<string>() == manager);

    // Every name==version of requirements.txt, and of requirements-dev.txt up to the not-packaged marker.
    private static IEnumerable<string> DebianPinned() => Pins("requirements.txt")
        .Concat(Pins("requirements-dev.txt").TakeWhile(line => !line.StartsWith(NotPackagedMarker, StringComparison.Ordinal)))
        .Select(Name).OfType<string>();

    private static string[] Pins(string file) => File.ReadAllLines(RepoRoot.File(Path.Combine(Backend, file)));

    private static string? Name(string line) => PinLine().Match(line) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9._-]+)==")]
    private static partial Regex PinLine();
}
