using System.Reflection;
using Build.Frosting;
using Build.Tests.Frosting.Support;

namespace Build.Tests.Frosting.Scenarios;

/// <summary>A task that only records that it ran (abstract, so the host never registers it itself).</summary>
public abstract class RecordingTask : FrostingTask<ProbeContext>
{
    public override void Run(ProbeContext context) => context.Probe.Record("Run:" + NameOf(GetType()));

    public static string NameOf(Type type) => type.GetCustomAttribute<TaskNameAttribute>()?.Name ?? type.Name;
}
