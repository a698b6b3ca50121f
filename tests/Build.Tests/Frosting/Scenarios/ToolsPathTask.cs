using Build.Frosting;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting.Scenarios;

/// <summary>Records the tools path Cake's configuration holds and where Cake's tool resolution finds a tool.</summary>
[TaskName("Default")]
public sealed class ToolsPathTask : FrostingTask<ProbeContext>
{
    public const string Tool = "probe-tool";

    public override void Run(ProbeContext context)
    {
        context.Probe.Record($"tools={context.Configuration.GetValue("Paths_Tools")}");
        context.Probe.Record($"resolved={context.Tools.Resolve(Tool)?.FullPath ?? "none"}");
    }
}
