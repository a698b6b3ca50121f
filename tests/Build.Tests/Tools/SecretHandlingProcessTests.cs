using Build.Tests.Tools.Support;
using Build.Tools.Docker;
using Build.Tools.Helm;

namespace Build.Tests.Tools;

/// <summary>Runs real processes (shell-script stand-ins) through Cake's own process runner.</summary>
[Trait("Tier", "process")]
public sealed class SecretHandlingProcessTests
{
    [Fact]
    public void DockerLogin_RealProcess_ReceivesThePasswordOnStdinOnly_AndTheLogNeverShowsIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the stand-in is a POSIX shell script
        }
        using var fixture = new ScriptToolFixture("docker");

        fixture.Context.DockerLogin(new DockerLoginSettings { Registry = "ghcr.io", Username = "octocat", Password = "s3cr3t-token" });

        fixture.Argv("docker").Should().Equal("login", "ghcr.io", "-u", "octocat", "--password-stdin");
        fixture.StandardInput("docker").Should().Be("s3cr3t-token");
        fixture.Log.Lines.Should().Contain(line => line.Contains("login ghcr.io -u octocat --password-stdin"))
            .And.NotContain(line => line.Contains("s3cr3t-token"));
    }

    [Fact]
    public void HelmUpgrade_RealProcess_ReceivesAValueWithSpacesAsOneArgument()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var fixture = new ScriptToolFixture("helm");

        fixture.Context.HelmUpgrade(new HelmUpgradeSettings
        {
            Release = "r",
            Chart = "/charts/app",
            StringValues = new Dictionary<string, string> { ["auth.issuer"] = "https://id.example/realm one" },
        });

        fixture.Argv("helm").Should().Equal("upgrade", "--install", "r", "/charts/app", "--wait", "--atomic", "--set-string", "auth.issuer=https://id.example/realm one");
        fixture.Log.Lines.Should().Contain(line => line.Contains("--set-string \"auth.issuer=https://id.example/realm one\""));
    }
}
