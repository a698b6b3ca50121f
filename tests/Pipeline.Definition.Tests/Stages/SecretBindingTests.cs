using Pipeline.Definition.Stages;

namespace Pipeline.Definition.Tests.Stages;

public class SecretBindingTests
{
    [Fact]
    public void IsRunToken_GitHubToken_IsTrue()
    {
        SecretBinding.GitHubToken.IsRunToken.Should().BeTrue();
    }

    [Theory]
    [InlineData("KUBE_CONFIG_DATA", "KUBE_CONFIG")]
    [InlineData("GITHUB_TOKEN", "DEPLOY_PAT")]
    public void IsRunToken_OtherSecret_IsFalse(string variable, string secret)
    {
        new SecretBinding(variable, secret).IsRunToken.Should().BeFalse();
    }
}
