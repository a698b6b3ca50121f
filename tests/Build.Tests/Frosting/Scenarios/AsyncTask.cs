using Build.Frosting;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting.Scenarios;

[TaskName("Default")]
public sealed class AsyncRecordingTask : AsyncFrostingTask<ProbeContext>
{
    public override async Task RunAsync(ProbeContext context)
    {
        await Task.Yield();
        context.Probe.Record("Run:Async");
    }
}
