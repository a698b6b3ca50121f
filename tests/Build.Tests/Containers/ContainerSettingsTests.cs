using Build.Containers;
using Build.Tests.Settings.Support;
using Cake.Core;

namespace Build.Tests.Containers;

/// <summary>
/// The image stages' settings built in-process from given arguments and variables: the values, and the same errors
/// <c>ContainerPreflightTests</c> asserts through the host.
/// </summary>
public sealed class ContainerSettingsTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    private static readonly Dictionary<string, string> GitHubRun = new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_REPOSITORY_OWNER"] = "Acme",
        ["GITHUB_SHA"] = Sha,
        ["GITHUB_SERVER_URL"] = "https://github.example/",
        ["GITHUB_REPOSITORY"] = "acme/sovd",
        ["GITHUB_ACTOR"] = "octocat",
        ["GITHUB_TOKEN"] = "token",
        ["PLAYWRIGHT_CHROMIUM_EXECUTABLE"] = "/opt/chrome/chrome",
    };

    [Fact]
    public void From_GitHubActionsVariables_ReadsThemThroughTheContext()
    {
        var context = SettingsContext.Build(["--registry=ghcr.io", "--created=2025-01-31T13:00:00+01:00"], GitHubRun);
        var settings = ContainerSettings.From(context);

        settings.Problems.Should().BeEmpty();
        settings.Registry.Owner.Should().Be("acme");
        settings.Provenance.Sha.Should().Be(Sha);
        settings.Provenance.Created.Should().Be("2025-01-31T12:00:00Z");
        settings.Provenance.SourceUrl.Should().Be("https://github.example/acme/sovd");
        settings.Registry.User.Should().Be("octocat");
        settings.Registry.LogIn.Should().BeTrue();
        settings.LayerCache.Should().BeTrue();
        settings.Backend.ShaTag.Should().Be($"ghcr.io/acme/sovd-backend:{Sha}");
        context.HostTools.BrowserExecutable!.FullPath.Should().Be("/opt/chrome/chrome");
        context.HostTools.Browser.Line.Should().Be("browser: /opt/chrome/chrome (PLAYWRIGHT_CHROMIUM_EXECUTABLE)");
        settings.PushProblems(context).Should().BeEmpty();
    }

    [Fact]
    public void From_ArgumentsOverVariables_ArgumentsWin()
    {
        var settings = ContainerSettings.From(SettingsContext.Build(
            ["--registry=ghcr.io", "--owner=Other", $"--sha={Sha.ToUpperInvariant()[..7]}", "--created=2025-01-31T12:00:00Z", "--registry-user=me", "--source-url=https://x"], GitHubRun));

        settings.Problems.Should().BeEmpty();
        settings.Registry.Owner.Should().Be("other");
        settings.Provenance.Sha.Should().Be(Sha[..7]);
        settings.Registry.User.Should().Be("me");
        settings.Provenance.SourceUrl.Should().Be("https://x");
    }

    [Fact]
    public void From_OutsideGitHubActions_UsesTheLocalRegistryAndOwner()
    {
        var context = SettingsContext.Build([$"--sha={Sha}", "--created=2025-01-31T12:00:00Z", "--chromium=/opt/chrome/chrome"]);
        var settings = ContainerSettings.From(context);

        settings.Problems.Should().BeEmpty();
        settings.Registry.Host.Should().Be(ContainerSettings.LocalRegistry);
        settings.Registry.Owner.Should().Be(ContainerSettings.LocalOwner);
        settings.Registry.LogIn.Should().BeFalse();
        settings.LayerCache.Should().BeFalse();
        context.HostTools.Browser.Reason.Should().Be("--chromium");
    }

    [Fact]
    public void ThrowIfInvalid_InvalidSettings_ListsEveryProblemAtOnce()
    {
        var settings = ContainerSettings.From(SettingsContext.Build(
            ["--registry=https://ghcr.io", "--owner=Not An Owner", "--sha=xyz", "--stack-timeout-seconds=0", "--created=yesterday", "--backend-port=70000", "--compose-project=-x"]));

        var thrown = () => settings.ThrowIfInvalid("Build-Images");

        thrown.Should().Throw<CakeException>().Which.Message.Should().StartWith("Build-Images cannot start:\n  - ")
            .And.Contain("--registry=https://ghcr.io is not a registry host")
            .And.Contain("Owner 'not an owner' cannot be part of an image name")
            .And.Contain("--sha=xyz is not a commit SHA")
            .And.Contain("--stack-timeout-seconds must be a positive number")
            .And.Contain("--created=yesterday is not a time: use RFC 3339")
            .And.Contain("--backend-port/--frontend-port must be 1-65535, or 0 for a free port.")
            .And.Contain("--compose-project=-x: use lower-case letters");
    }

    [Fact]
    public void From_InGitHubActionsWithoutOwner_SaysWhatToSet()
    {
        var variables = new Dictionary<string, string>(GitHubRun);
        variables.Remove("GITHUB_REPOSITORY_OWNER");

        var settings = ContainerSettings.From(SettingsContext.Build(["--registry=ghcr.io", "--created=2025-01-31T12:00:00Z"], variables));

        settings.Problems.Should().Equal("No image owner: pass --owner=<name> or set GITHUB_REPOSITORY_OWNER.");
    }

    [Fact]
    public void PushProblems_InGitHubActionsWithoutToken_NameTheSecret()
    {
        var variables = new Dictionary<string, string>(GitHubRun);
        variables.Remove("GITHUB_TOKEN");

        var context = SettingsContext.Build(["--registry=ghcr.io", "--created=2025-01-31T12:00:00Z"], variables);

        ContainerSettings.From(context).PushProblems(context).Should().ContainSingle().Which.Should().StartWith("GITHUB_TOKEN is not set").And.Contain("packages: write");
    }

    [Fact]
    public void From_ANumberArgumentThatIsNoNumber_NamesTheArgument()
    {
        var build = () => ContainerSettings.From(SettingsContext.Build(["--backend-port=abc"]));

        build.Should().Throw<CakeException>().WithMessage("Invalid value 'abc' for argument --backend-port: *");
    }
}
