using Build.Frosting.Additions;
using Cake.Core;

namespace Build.Tests.Frosting;

public sealed class ColorPolicyTests
{
    [Theory]
    [InlineData(null, null, false, true)]
    [InlineData("1", null, false, false)]
    [InlineData(null, null, true, false)]
    [InlineData(null, "true", true, true)]
    [InlineData("1", "true", true, false)]
    public void Enabled_DependsOnNoColorRedirectionAndCi(string? noColor, string? githubActions, bool redirected, bool expected)
    {
        var environment = new HostEnvironment(
            new CakeEnvironment(new CakePlatform(), new CakeRuntime()),
            new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["GITHUB_ACTIONS"] = githubActions, ["TF_BUILD"] = null });

        HostConsole.Enabled(environment, redirected).Should().Be(expected);
    }
}
