using Build.Settings;
using Build.Tests.Settings.Support;

namespace Build.Tests.Settings;

/// <summary>
/// The runner's GITHUB_* variables reach settings through BuildContext.GitHubActions() (Cake.Common's provider) and
/// nowhere else: these answers come from the context's environment only.
/// </summary>
public sealed class GitHubActionsSeamTests
{
    private static readonly Dictionary<string, string> Runner = new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_SHA"] = "0123456789abcdef0123456789abcdef01234567",
        ["GITHUB_REPOSITORY_OWNER"] = "Acme-Org",
        ["GITHUB_REPOSITORY"] = "Acme-Org/sovd",
        ["GITHUB_EVENT_NAME"] = "schedule",
    };

    [Fact]
    public void BuildContext_OnARunner_KnowsItIsGitHubActions()
    {
        SettingsContext.Build([], Runner).IsGitHubActions.Should().BeTrue();
        SettingsContext.Build([]).IsGitHubActions.Should().BeFalse();
    }

    [Fact]
    public void Sha_WithoutAnArgument_IsTheRunsCommit()
    {
        SettingsContext.Build([], Runner).Sha().Should().Be(Runner["GITHUB_SHA"]);
    }

    [Fact]
    public void Sha_GivenAsArgument_WinsOverTheRunsCommit()
    {
        SettingsContext.Build(["--sha=feedbeef"], Runner).Sha().Should().Be("feedbeef");
    }

    [Fact]
    public void Sha_BlankOnTheRunnerAndNoGit_IsUnknownWithoutStartingAProcess()
    {
        // SettingsContext finds no tool and refuses to start a process: git is never asked here.
        SettingsContext.Build([], new() { ["GITHUB_SHA"] = "  " }).Sha().Should().BeNull();
    }

    [Fact]
    public void ImageOwner_FromTheRunnersRepositoryOwner_IsLowerCase()
    {
        SettingsContext.Build([], Runner).ImageOwner("ghcr.io").Should().Be("acme-org");
    }

    [Fact]
    public void GitHubRun_ReadsTheWorkflowsVariablesThroughTheProvider()
    {
        var run = SettingsContext.Build([], Runner).GitHubRun();

        run.Repository.Should().Be("Acme-Org/sovd");
        run.EventName.Should().Be("schedule");
        run.Actor.Should().BeEmpty("an unset variable reads as empty through Cake.Common's provider");
    }
}
