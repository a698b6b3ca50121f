using Build.Tests.Frosting.Scenarios;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting;

public sealed class CakeHostGitHubActionsTests : IDisposable
{
    private readonly string _summary = Path.Combine(Path.GetTempPath(), $"step-summary-{Guid.NewGuid():N}.md");

    [Fact]
    public void Run_OnGitHubActions_AnnotatesFailedTaskAndWritesStepSummaryRows()
    {
        var host = new TestHost(typeof(GitHubBuild), typeof(GitHubNotify), typeof(GitHubPublish));
        host.Environment.Set("GITHUB_ACTIONS", "true").Set("GITHUB_STEP_SUMMARY", _summary);

        var result = host.Run("-t", "Publish");

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("::error title=Publish::push failed: 100%25%0Aretry later\n");
        var rows = File.ReadAllLines(_summary);
        rows.Should().HaveCount(5);
        rows[0].Should().Be("| Task | Result | Duration |");
        rows[1].Should().Be("| --- | --- | --- |");
        rows.Should().ContainMatch("| Build | Succeeded | * s |");
        rows.Should().Contain("| Notify | Skipped: only on main | - |");
        rows.Should().ContainMatch("| Publish | Failed | * s |");
    }

    [Fact]
    public void Run_NotOnGitHubActions_WritesNoAnnotationOrSummary()
    {
        var host = new TestHost(typeof(GitHubBuild), typeof(GitHubNotify), typeof(GitHubPublish));
        host.Environment.Set("GITHUB_STEP_SUMMARY", _summary);

        var result = host.Run("-t", "Publish");

        result.ExitCode.Should().Be(1);
        result.Output.Should().NotContain("::error");
        File.Exists(_summary).Should().BeFalse();
    }

    public void Dispose() => File.Delete(_summary);
}
