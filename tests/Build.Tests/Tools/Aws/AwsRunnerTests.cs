using Build.Containers;
using Build.Tests.Tools.Support;
using Build.Tools.Aws;
using Cake.Core;
using Cake.Core.IO;

namespace Build.Tests.Tools.Aws;

/// <summary>The AWS CLI wrapper's command lines, and how it reads the CLI's answers (recorded processes, nothing started).</summary>
public sealed class AwsRunnerTests
{
    // aws sts get-caller-identity --output json, as the CLI prints it for a role assumed through GitHub's OIDC token.
    private static readonly string[] CallerIdentityJson =
    [
        "{",
        "    \"UserId\": \"AROAXAMPLEROLEID12345:GitHubActions\",",
        "    \"Account\": \"123456789012\",",
        "    \"Arn\": \"arn:aws:sts::123456789012:assumed-role/sovd-deploy/GitHubActions\"",
        "}",
    ];

    [Fact]
    public void AwsCallerIdentity_CliJson_ReadsAccountAndArn()
    {
        using var fixture = new ToolFixture("aws");
        fixture.Runner.WhenArguments("sts", new ProcessReply(Output: CallerIdentityJson));

        var identity = fixture.Context.AwsCallerIdentity(new AwsSettings { Region = "eu-central-1" });

        fixture.Runner.Single.Arguments.Should().Be("sts get-caller-identity --region eu-central-1 --output json");
        identity.Should().Be(new AwsCallerIdentity(
            "AROAXAMPLEROLEID12345:GitHubActions", "123456789012", "arn:aws:sts::123456789012:assumed-role/sovd-deploy/GitHubActions"));
    }

    [Fact]
    public void AwsCallerIdentity_NoCredentials_ThrowsWithTheCliError()
    {
        using var fixture = new ToolFixture("aws");
        fixture.Runner.WhenArguments("sts", new ProcessReply(ExitCode: 253, Error: ["Unable to locate credentials. You can configure credentials by running \"aws configure\"."]));

        var call = () => fixture.Context.AwsCallerIdentity(new AwsSettings());

        call.Should().Throw<CakeException>().WithMessage("*exit code 253*Unable to locate credentials*");
    }

    [Fact]
    public void AwsEksUpdateKubeconfig_RendersClusterFileAndRegion()
    {
        using var fixture = new ToolFixture("aws");

        fixture.Context.AwsEksUpdateKubeconfig("sovd-staging", new FilePath("/tmp/k/config"), new AwsSettings { Region = "eu-central-1" });

        fixture.Runner.Single.Arguments.Should().Be("eks update-kubeconfig --name sovd-staging --kubeconfig /tmp/k/config --region eu-central-1");
    }

    [Fact]
    public void AwsEksUpdateKubeconfig_WithoutAFile_RefusesToTouchTheUsersKubeconfig()
    {
        using var fixture = new ToolFixture("aws");

        var call = () => fixture.Context.AwsEksUpdateKubeconfig("sovd-staging", null!, new AwsSettings());

        call.Should().Throw<ArgumentException>().WithMessage("kubeConfig is not set*");
        fixture.Runner.Calls.Should().BeEmpty();
    }

    [Fact]
    public void AwsEcrLoginPassword_ReturnsTheCapturedPasswordWithoutLoggingIt()
    {
        using var fixture = new ToolFixture("aws");
        const string password = "eyJwYXlsb2FkIjoic2VjcmV0In0";
        fixture.Runner.WhenArguments("ecr", new ProcessReply(Output: [password]));

        var result = fixture.Context.AwsEcrLoginPassword(new AwsSettings { Region = "eu-central-1" });

        result.Should().Be(password);
        fixture.Runner.Single.Arguments.Should().Be("ecr get-login-password --region eu-central-1");
        fixture.Log.Lines.Should().NotContain(line => line.Contains(password, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("123456789012.dkr.ecr.eu-central-1.amazonaws.com", "123456789012", "eu-central-1")]
    [InlineData("210987654321.dkr.ecr.us-gov-west-1.amazonaws.com", "210987654321", "us-gov-west-1")]
    public void EcrRegistryHost_EcrHost_AccountAndRegion(string host, string account, string region)
    {
        EcrRegistryHost.TryParse(host).Should().Be(new EcrRegistryHost(host, account, region));
    }

    [Theory]
    [InlineData("ghcr.io")]
    [InlineData("127.0.0.1:5000")]
    [InlineData("12345.dkr.ecr.eu-central-1.amazonaws.com")]
    [InlineData("123456789012.dkr.ecr.eu-central-1.amazonaws.com.evil.example")]
    public void EcrRegistryHost_OtherHost_Null(string host)
    {
        EcrRegistryHost.TryParse(host).Should().BeNull();
    }
}
