using Build.Frosting.Additions;
using Build.Tests.Frosting.Support;
using Build.Tests.Support;

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
        var environment = new TestEnvironment().Set("NO_COLOR", noColor).Set("GITHUB_ACTIONS", githubActions).Set("TF_BUILD", null);

        HostConsole.Enabled(environment, redirected).Should().Be(expected);
    }
}
