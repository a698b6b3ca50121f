using Build.Frosting.Additions;
using Build.Frosting;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting.Scenarios;

[TaskName("Build")]
public sealed class GitHubBuild : RecordingTask;

[TaskName("Notify")]
public sealed class GitHubNotify : RecordingTask
{
    public override bool ShouldRun(ProbeContext context) => context.Skip("only on main");
}

[TaskName("Publish")]
[IsDependentOn(typeof(GitHubBuild))]
[IsDependentOn(typeof(GitHubNotify))]
public sealed class GitHubPublish : FrostingTask<ProbeContext>
{
    public override void Run(ProbeContext context) => throw new InvalidOperationException("push failed: 100%\nretry later");
}
