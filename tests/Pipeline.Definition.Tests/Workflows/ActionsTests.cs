using System.Reflection;
using System.Text.RegularExpressions;
using Pipeline.Definition.Workflows;

namespace Pipeline.Definition.Tests.Workflows;

public class ActionsTests
{
    public static TheoryData<string> Repositories => [.. Actions.All.Select(a => a.Repository)];

    [Theory]
    [MemberData(nameof(Repositories))]
    public void All_EveryAction_IsPinnedToAFullShaWithItsReleaseTag(string repository)
    {
        var action = Actions.All.Single(a => a.Repository == repository);

        action.Sha.Should().MatchRegex("^[0-9a-f]{40}$");
        action.Version.Should().MatchRegex(@"^v\d+\.\d+\.\d+$");
        action.Source.Should().NotBeNullOrWhiteSpace();
        action.Runtime.IsRetired().Should().BeFalse($"{repository} {action.Version} runs on {action.Runtime.WireName()}");
    }

    [Fact]
    public void All_NoPinIsCodecovsAction_BecauseItRunsANode20ActionInside()
    {
        Actions.All.Should().NotContain(a => a.Repository.StartsWith("codecov/"));
    }

    [Fact]
    public void All_EveryPublicField_IsListed()
    {
        var fields = typeof(Actions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ActionRef))
            .Select(f => (ActionRef)f.GetValue(null)!);

        Actions.All.Should().BeEquivalentTo(fields);
        Actions.All.Select(a => a.Repository).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Reference_Action_IsRepositoryAtSha()
    {
        var action = new ActionRef("owner/tool", "v1.2.3", new string('a', 40), ActionRuntime.Node24, "test");

        action.Reference.Should().Be("owner/tool@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        Regex.IsMatch(Actions.Checkout.Reference, "^actions/checkout@[0-9a-f]{40}$").Should().BeTrue();
    }
}
